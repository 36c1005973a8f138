import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Sinh`: `dy · cosh x`. */
export const sinhGradient: KernelGradient = {
  kernelName: 'Sinh',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.cosh(x))],
};
