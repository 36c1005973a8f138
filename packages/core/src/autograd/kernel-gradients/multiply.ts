import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { ifNeeded } from './util';

/** Gradient of `Multiply` (`a · b`): `dy · b` and `dy · a`. */
export const multiplyGradient: KernelGradient = {
  kernelName: 'Multiply',
  inputNames: ['a', 'b'],
  saveInputs: ['a', 'b'],
  gradFunc: (dy, [a, b], { needs }) => [ifNeeded(needs[0], () => tf.mul(dy, b)), ifNeeded(needs[1], () => tf.mul(dy, a))],
};
