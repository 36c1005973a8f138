import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Sqrt`: `dy / (2 √x)`. */
export const sqrtGradient: KernelGradient = {
  kernelName: 'Sqrt',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, tf.mul(tf.sqrt(x), 2))],
};
