import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Cosh`: `dy · sinh x`. */
export const coshGradient: KernelGradient = {
  kernelName: 'Cosh',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.sinh(x))],
};
