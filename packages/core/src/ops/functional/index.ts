export * from './softmax';
// A local alias rather than `export type { SoftmaxOptions } from`: the type also reaches the main
// entry through Tensor's methods, and rollup-plugin-dts then emitted the namespace re-export as a
// value (`declare const functional_SoftmaxOptions: typeof SoftmaxOptions`, TS2693 for consumers).
import type { SoftmaxOptions as SoftmaxCoreOptions } from './softmax-core';
/** Options of `softmax`, `softmin` and `logSoftmax`. */
export type SoftmaxOptions = SoftmaxCoreOptions;
export * from './softmin';
export * from './log-softmax';
export * from './one-hot';
export * from './batch-norm';
export * from './layer-norm';
export * from './group-norm';
export * from './instance-norm';
export * from './dropout';
export * from './dropout1d';
export * from './dropout2d';
export * from './dropout3d';
export * from './alpha-dropout';
export * from './feature-alpha-dropout';
export * from './embedding';
export * from './embedding-bag';
export * from './normalize';
export * from './cosine-similarity';
export * from './pairwise-distance';
export type { IntOrTuple, ConvPadding } from './conv-geometry';
export type { ConvOptions } from './conv-nd';
export type { ConvTransposeOptions } from './conv-transpose-nd';
export type { AdaptiveSize } from './adaptive-size';
export * from './conv1d';
export * from './conv2d';
export * from './conv-transpose1d';
export * from './conv-transpose2d';
export * from './linear';
export { maxPool1d, maxPool2d, type MaxPoolOptions } from './max-pool';
export * from './max-unpool';
export { avgPool1d, avgPool2d, type AvgPool1dOptions, type AvgPool2dOptions } from './avg-pool';
export * from './adaptive-avg-pool';
export * from './adaptive-max-pool';
export * from './interpolate';
export { unfold, type UnfoldOptions } from './unfold';
export * from './fold';
import './methods';
