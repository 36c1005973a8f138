import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/**
 * Gradient of `Cumsum` (attrs `axis`, `exclusive`, `reverse`): the cumulative sum of `dy` in the
 * other direction, with the same `exclusive`.
 */
export const cumsumGradient: KernelGradient = {
  kernelName: 'Cumsum',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs }) => [tf.cumsum(dy, attrs.axis as number, Boolean(attrs.exclusive), !attrs.reverse)],
};
