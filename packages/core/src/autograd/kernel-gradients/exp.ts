import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Exp`, from its output: `dy · y`. */
export const expGradient: KernelGradient = {
  kernelName: 'Exp',
  inputNames: ['x'],
  saveOutput: true,
  gradFunc: (dy, [y]) => [tf.mul(dy, y)],
};
