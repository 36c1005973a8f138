import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Rsqrt` (`x^-1/2`): `-dy / (2 x √x)`. */
export const rsqrtGradient: KernelGradient = {
  kernelName: 'Rsqrt',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.mul(tf.div(tf.rsqrt(x), x), -0.5))],
};
