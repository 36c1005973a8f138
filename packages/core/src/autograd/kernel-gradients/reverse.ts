import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { normAxes } from './util';

/** Gradient of `Reverse` (attr `dims`): `dy` reversed along the same dims. */
export const reverseGradient: KernelGradient = {
  kernelName: 'Reverse',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs, inputShapes }) => [tf.reverse(dy, normAxes(attrs.dims, inputShapes[0].length))],
};
