import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Expm1`: `dy · eˣ`. */
export const expm1Gradient: KernelGradient = {
  kernelName: 'Expm1',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.exp(x))],
};
