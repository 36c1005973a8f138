// torch.nn.functional: the functional ops and losses, re-exported as `nn.functional`.
export * from '../ops/functional/index';
export * from '../ops/loss/index';
