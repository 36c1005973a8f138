import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `LeakyRelu` (attr `alpha`): `dy` where `x > 0`, else `alpha * dy`. */
export const leakyReluGradient: KernelGradient = {
  kernelName: 'LeakyRelu',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x], { attrs }) => [tf.where(tf.greater(x, 0), dy, tf.mul(dy, attrs.alpha as number))],
};
