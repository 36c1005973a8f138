// torch.nn.init (exported as `nn.init`).
export type { InitOptions } from './write-values';
export * from './calculate-gain';
export * from './fan';
export * from './uniform';
export * from './normal';
export * from './trunc-normal';
export * from './constant';
export * from './eye';
export * from './dirac';
export * from './xavier-uniform';
export * from './xavier-normal';
export * from './kaiming-uniform';
export * from './kaiming-normal';
export * from './orthogonal';
export * from './sparse';
