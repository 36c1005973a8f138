import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Reshape`: `dy` reshaped back to the input's shape. */
export const reshapeGradient: KernelGradient = {
  kernelName: 'Reshape',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { inputShapes }) => [tf.reshape(dy, inputShapes[0] as number[])],
};
