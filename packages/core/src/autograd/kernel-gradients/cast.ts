import type { KernelGradient } from './types';

/**
 * Gradient of `Cast` (attr `dtype`): `dy` unchanged when the input is float, none otherwise
 * (integer and bool tensors do not take gradients).
 */
export const castGradient: KernelGradient = {
  kernelName: 'Cast',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { inputDtypes }) => [inputDtypes[0] === 'float32' ? dy : null],
};
