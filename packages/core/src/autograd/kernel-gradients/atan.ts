import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Atan`: `dy / (1 + x²)`. */
export const atanGradient: KernelGradient = {
  kernelName: 'Atan',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, tf.add(tf.square(x), 1))],
};
