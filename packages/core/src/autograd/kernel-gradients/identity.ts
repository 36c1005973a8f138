import type { KernelGradient } from './types';

/** Gradient of `Identity`: passes `dy` through. */
export const identityGradient: KernelGradient = {
  kernelName: 'Identity',
  inputNames: ['x'],
  gradFunc: (dy) => [dy],
};
