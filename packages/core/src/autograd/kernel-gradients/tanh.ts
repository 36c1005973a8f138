import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Tanh`, from its output: `dy · (1 - y²)`. */
export const tanhGradient: KernelGradient = {
  kernelName: 'Tanh',
  inputNames: ['x'],
  saveOutput: true,
  gradFunc: (dy, [y]) => [tf.mul(dy, tf.sub(1, tf.square(y)))],
};
