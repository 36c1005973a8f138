// torch.nn (exported as the `nn` namespace).
export * from './module';
export * from './parameter';
export * from './removable-handle';
export * from './state-dict-error';
export type { LoadStateDictResult } from './load-state-dict';
export * as functional from './functional';
export * as init from './init/index';
export * as utils from './utils/index';
export * from './modules/index';
