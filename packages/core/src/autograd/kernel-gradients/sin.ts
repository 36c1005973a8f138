import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Sin`: `dy · cos x`. */
export const sinGradient: KernelGradient = {
  kernelName: 'Sin',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.cos(x))],
};
