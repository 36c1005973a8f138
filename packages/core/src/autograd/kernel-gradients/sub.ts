import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { ifNeeded } from './util';

/** Gradient of `Sub` (`a - b`): `dy` and `-dy`. */
export const subGradient: KernelGradient = {
  kernelName: 'Sub',
  inputNames: ['a', 'b'],
  gradFunc: (dy, _saved, { needs }) => [dy, ifNeeded(needs[1], () => tf.neg(dy))],
};
