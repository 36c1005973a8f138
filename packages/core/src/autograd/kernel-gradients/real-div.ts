import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { ifNeeded } from './util';

/** Gradient of `RealDiv` (`a / b`): `dy / b` and `-dy · a / b²`. */
export const realDivGradient: KernelGradient = {
  kernelName: 'RealDiv',
  inputNames: ['a', 'b'],
  saveInputs: ['a', 'b'],
  gradFunc: (dy, [a, b], { needs }) => [
    ifNeeded(needs[0], () => tf.div(dy, b)),
    ifNeeded(needs[1], () => tf.neg(tf.div(tf.mul(dy, a), tf.square(b)))),
  ],
};
