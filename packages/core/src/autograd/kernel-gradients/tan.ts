import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Tan`: `dy / cos² x`. */
export const tanGradient: KernelGradient = {
  kernelName: 'Tan',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, tf.square(tf.cos(x)))],
};
