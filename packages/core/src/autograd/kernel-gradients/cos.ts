import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Cos`: `-dy · sin x`. */
export const cosGradient: KernelGradient = {
  kernelName: 'Cos',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.neg(tf.mul(dy, tf.sin(x)))],
};
