import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { ifNeeded } from './util';

/** Gradient of `Atan2` (`atan2(a, b)`): `dy · b / (a² + b²)` and `-dy · a / (a² + b²)`. */
export const atan2Gradient: KernelGradient = {
  kernelName: 'Atan2',
  inputNames: ['a', 'b'],
  saveInputs: ['a', 'b'],
  gradFunc: (dy, [a, b], { needs }) => {
    const scale = tf.div(dy, tf.add(tf.square(a), tf.square(b)));
    return [ifNeeded(needs[0], () => tf.mul(scale, b)), ifNeeded(needs[1], () => tf.neg(tf.mul(scale, a)))];
  },
};
