import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Square`: `2 x dy`. */
export const squareGradient: KernelGradient = {
  kernelName: 'Square',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.mul(x, 2))],
};
