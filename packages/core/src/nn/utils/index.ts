// torch.nn.utils (exported as `nn.utils`).
export * from './clip-grad-norm';
export * from './clip-grad-value';
export * from './parameters-to-vector';
export * from './vector-to-parameters';
