import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Log`: `dy / x`. */
export const logGradient: KernelGradient = {
  kernelName: 'Log',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, x)],
};
