export * from './arithmetic-inplace';
export * from './copy';
export * from './fill';
export * from './random-inplace';
export * from './unary-inplace';
import './methods';
