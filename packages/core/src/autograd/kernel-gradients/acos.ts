import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Acos`: `-dy / √(1 - x²)`. */
export const acosGradient: KernelGradient = {
  kernelName: 'Acos',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.neg(tf.div(dy, tf.sqrt(tf.sub(1, tf.square(x)))))],
};
