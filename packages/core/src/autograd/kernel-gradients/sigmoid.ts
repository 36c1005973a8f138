import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Sigmoid`, from its output: `dy · y (1 - y)`. */
export const sigmoidGradient: KernelGradient = {
  kernelName: 'Sigmoid',
  inputNames: ['x'],
  saveOutput: true,
  gradFunc: (dy, [y]) => [tf.mul(dy, tf.mul(y, tf.sub(1, y)))],
};
