import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** 2 / √π. */
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Gradient of `Erf`: `dy · 2/√π · e^(-x²)`. */
export const erfGradient: KernelGradient = {
  kernelName: 'Erf',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.mul(tf.exp(tf.neg(tf.square(x))), TWO_OVER_SQRT_PI))],
};
