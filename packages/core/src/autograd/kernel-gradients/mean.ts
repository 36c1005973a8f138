import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { normAxes, unreduce } from './util';

/** Gradient of `Mean` (attrs `axis`, `keepDims`): `dy / n` spread over the `n` reduced elements. */
export const meanGradient: KernelGradient = {
  kernelName: 'Mean',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs, inputShapes }) => {
    const shape = inputShapes[0];
    const axes = normAxes(attrs.axis, shape.length);
    const n = axes.reduce((p, a) => p * shape[a], 1);
    return [tf.div(unreduce(dy, shape, axes), n)];
  },
};
