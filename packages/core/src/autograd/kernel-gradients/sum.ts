import type { KernelGradient } from './types';
import { normAxes, unreduce } from './util';

/** Gradient of `Sum` (attrs `axis`, `keepDims`): `dy` spread over the reduced axes. */
export const sumGradient: KernelGradient = {
  kernelName: 'Sum',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs, inputShapes }) => {
    const shape = inputShapes[0];
    return [unreduce(dy, shape, normAxes(attrs.axis, shape.length))];
  },
};
