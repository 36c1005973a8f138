import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { inversePerm, normAxes } from './util';

/**
 * Gradient of `Prod` (attrs `axis`, `keepDims`): each element's gradient is `dy` times the
 * product of the other elements it was multiplied with, taken as exclusive cumulative products
 * from both ends, so it is exact when the input holds zeros (as PyTorch's).
 */
export const prodGradient: KernelGradient = {
  kernelName: 'Prod',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x], { attrs }) => {
    const shape = x.shape;
    if (x.size === 0) return [tf.zeros(shape)];
    const axes = normAxes(attrs.axis, shape.length);
    const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
    // Bring the reduced axes last and flatten them: one row per output element.
    const perm = [...kept, ...axes];
    const outer = kept.reduce((p, a) => p * shape[a], 1);
    const inner = axes.reduce((p, a) => p * shape[a], 1);
    const rows = tf.reshape(tf.transpose(x, perm), [outer, inner]);
    const others = tf.mul(tf.cumprod(rows, 1, true, false), tf.cumprod(rows, 1, true, true));
    // With or without keepDims, dy holds one value per row, in the kept axes' order.
    const g = tf.mul(others, tf.reshape(dy, [outer, 1]));
    return [tf.transpose(tf.reshape(g, perm.map((a) => shape[a])), inversePerm(perm))];
  },
};
