import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Relu`: `dy` where `x > 0`, else 0 (0 at the kink, as PyTorch). */
export const reluGradient: KernelGradient = {
  kernelName: 'Relu',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.cast(tf.greater(x, 0), 'float32'))],
};
