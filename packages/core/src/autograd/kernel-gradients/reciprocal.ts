import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Reciprocal`: `-dy / x²`. */
export const reciprocalGradient: KernelGradient = {
  kernelName: 'Reciprocal',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.neg(tf.div(dy, tf.square(x)))],
};
