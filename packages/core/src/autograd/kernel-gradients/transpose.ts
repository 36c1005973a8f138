import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { inversePerm } from './util';

/** Gradient of `Transpose` (attr `perm`): `dy` transposed by the inverse permutation. */
export const transposeGradient: KernelGradient = {
  kernelName: 'Transpose',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs }) => [tf.transpose(dy, inversePerm(attrs.perm as number[]))],
};
