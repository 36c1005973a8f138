import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Asin`: `dy / √(1 - x²)`. */
export const asinGradient: KernelGradient = {
  kernelName: 'Asin',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, tf.sqrt(tf.sub(1, tf.square(x))))],
};
