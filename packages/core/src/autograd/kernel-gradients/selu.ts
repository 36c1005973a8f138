import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** SELU's λ (Klambauer et al., 2017: 1.0507009873554804934193349852946, to double precision). */
const SCALE = 1.0507009873554805;
/** SELU's λ·α (α = 1.6732632423543772848170429916717). */
const SCALE_ALPHA = SCALE * 1.6732632423543772;

/** Gradient of `Selu`: `λ dy` where `x > 0`, else `λ α eˣ dy`. */
export const seluGradient: KernelGradient = {
  kernelName: 'Selu',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.mul(dy, tf.where(tf.greater(x, 0), tf.fill(x.shape, SCALE), tf.mul(tf.exp(x), SCALE_ALPHA)))],
};
