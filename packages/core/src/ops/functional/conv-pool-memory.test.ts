// Every op of this area frees what it allocates: after a forward and a backward inside scope(),
// tfjs holds exactly the tensors it held before (nothing leaks per training step).
import { describe, expect, it } from 'vitest';
import { uniform } from '../../../test/support/functional-fixtures';
import { grad } from '../../autograd/backward';
import { tf } from '../../backend/tfjs';
import { scope } from '../../memory/scope';
import type { Tensor } from '../../tensor/tensor';
import { adaptiveAvgPool2d } from './adaptive-avg-pool';
import { adaptiveMaxPool2d } from './adaptive-max-pool';
import { avgPool1d, avgPool2d } from './avg-pool';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { convTranspose2d } from './conv-transpose2d';
import { fold } from './fold';
import { interpolate } from './interpolate';
import { linear } from './linear';
import { maxPool1d, maxPool2d } from './max-pool';
import { unfold } from './unfold';

const x4 = () => uniform([2, 4, 7, 6], 1);
const cases: [string, () => Tensor[], (...t: Tensor[]) => Tensor][] = [
  ['conv2d (dense, bias)', () => [x4(), uniform([3, 4, 3, 3], 2), uniform([3], 3)], (x, w, b) => conv2d(x, w, b, { padding: 1, stride: 2 })],
  ['conv2d (groups, dilation)', () => [x4(), uniform([4, 2, 2, 2], 2)], (x, w) => conv2d(x, w, null, { groups: 2, dilation: 2 })],
  ['conv2d (depthwise)', () => [x4(), uniform([8, 1, 3, 3], 2), uniform([8], 3)], (x, w, b) => conv2d(x, w, b, { groups: 4 })],
  ['conv1d', () => [uniform([2, 3, 9], 1), uniform([4, 3, 3], 2)], (x, w) => conv1d(x, w, null, { padding: 'same' })],
  ['convTranspose2d', () => [x4(), uniform([4, 2, 3, 3], 2), uniform([2], 3)], (x, w, b) => convTranspose2d(x, w, b, { stride: 2, padding: 1, outputPadding: 1 })],
  ['linear', () => [uniform([3, 5], 1), uniform([2, 5], 2), uniform([2], 3)], (x, w, b) => linear(x, w, b)],
  ['maxPool2d', () => [x4()], (x) => maxPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true })],
  ['maxPool1d with indices', () => [uniform([2, 3, 9], 1)], (x) => maxPool1d(x, 2, { returnIndices: true })[0]],
  ['avgPool2d', () => [x4()], (x) => avgPool2d(x, 2, { padding: 1, countIncludePad: false })],
  ['avgPool1d', () => [uniform([2, 3, 9], 1)], (x) => avgPool1d(x, 3)],
  ['adaptiveAvgPool2d', () => [x4()], (x) => adaptiveAvgPool2d(x, [3, 4])],
  ['adaptiveMaxPool2d', () => [x4()], (x) => adaptiveMaxPool2d(x, 2)],
  ['interpolate', () => [x4()], (x) => interpolate(x, { scaleFactor: 1.5, mode: 'bicubic' })],
  ['unfold + fold', () => [x4()], (x) => fold(unfold(x, 2), [7, 6], 2)],
];

describe('memory of the convolution and pooling ops', () => {
  for (const [name, make, fn] of cases) {
    it(`${name}: leaves no tfjs tensor behind after forward and backward`, () => {
      const inputs = make();
      const step = () =>
        scope(() => {
          const y = fn(...inputs);
          grad([y], inputs, [uniform(y.shape, 9, false)]);
        });
      step(); // warm-up: kernels set up, anything tfjs caches
      const before = tf.memory().numTensors;
      step();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
