import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** Gradient of `Slice` (attrs `begin`, `size`): `dy` padded with zeros back to the input's shape. */
export const sliceGradient: KernelGradient = {
  kernelName: 'Slice',
  inputNames: ['x'],
  gradFunc: (dy, _saved, { attrs, inputShapes }) => {
    const shape = inputShapes[0];
    // tfjs accepts a number for the first axis and shorter lists (the rest start at 0).
    const given = attrs.begin as number | number[];
    const begin = typeof given === 'number' ? [given] : given;
    const paddings = shape.map((d, i): [number, number] => {
      const b = begin[i] ?? 0;
      return [b, d - b - dy.shape[i]];
    });
    return [tf.pad(dy, paddings)];
  },
};
