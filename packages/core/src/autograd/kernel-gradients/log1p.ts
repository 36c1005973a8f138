import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Log1p`: `dy / (1 + x)`. */
export const log1pGradient: KernelGradient = {
  kernelName: 'Log1p',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => [tf.div(dy, tf.add(x, 1))],
};
