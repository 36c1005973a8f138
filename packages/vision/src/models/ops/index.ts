// torchvision.ops' building blocks that the classification models share.
export * from './layer-factories';
export * from './conv2d-norm-activation';
export * from './squeeze-excitation';
export * from './stochastic-depth';
