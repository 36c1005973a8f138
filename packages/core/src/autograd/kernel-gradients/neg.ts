import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Neg`: `-dy`. */
export const negGradient: KernelGradient = {
  kernelName: 'Neg',
  inputNames: ['x'],
  gradFunc: (dy) => [tf.neg(dy)],
};
