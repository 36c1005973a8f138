import type { KernelGradient } from './types';

/** Gradient of `Add`: `dy` for both inputs (broadcast inputs are reduced by `runOp`). */
export const addGradient: KernelGradient = {
  kernelName: 'Add',
  inputNames: ['a', 'b'],
  gradFunc: (dy) => [dy, dy],
};
