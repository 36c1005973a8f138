// Error paths of the shape ops not covered next to their feature tests.
import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, chunk, expand, flipud, movedim, narrow, pad, repeat, roll, select, split, tensor, unflatten } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('shape op errors', () => {
  const x = testTensor([2, 3]);
  const scalar = tensor(1);

  it('refuses 0-d inputs where a dimension is needed', () => {
    expect(() => chunk(scalar, 2)).toThrow(ShapeError);
    expect(() => chunk(scalar, 2)).toThrow('chunk: expected at least a 1-dimensional tensor');
    expect(() => split(scalar, 1)).toThrow('split: expected at least a 1-dimensional tensor');
    expect(() => narrow(scalar, 0, 0, 1)).toThrow('narrow: cannot be applied to a 0-dim tensor');
    expect(() => select(scalar, 0, 0)).toThrow(IndexError);
    expect(() => select(scalar, 0, 0)).toThrow('select: cannot be applied to a 0-dim tensor');
    expect(() => flipud(scalar)).toThrow(ValueError);
    expect(() => flipud(scalar)).toThrow('flipud: input must be >= 1-d (got shape [])');
  });

  it('refuses invalid sizes', () => {
    expect(() => expand(x, [2, -2])).toThrow(ShapeError);
    expect(() => expand(x, [2, -2])).toThrow('expand: invalid size -2 in sizes [2, -2]');
    expect(() => repeat(x, [1, 1.5])).toThrow('repeat: repeats must be non-negative integers (got [1, 1.5])');
    expect(() => split(x, [1, -1, 3], 1)).toThrow(ValueError);
    expect(() => split(x, [1, -1, 3], 1)).toThrow('split: split sizes must be non-negative integers (got [1, -1, 3])');
    expect(() => narrow(x, 1, 0, -1)).toThrow('narrow: length must be a non-negative integer (got -1)');
    expect(() => unflatten(x, 1, [])).toThrow(ShapeError);
    expect(() => unflatten(x, 1, [])).toThrow('unflatten: sizes must be non-empty');
    expect(() => roll(x, 0.5, 0)).toThrow('roll: shifts must be integers (got [0.5])');
    expect(() => movedim(x, [0, 1], [1, 1])).toThrow('movedim: repeated dim in destination [1, 1]');
    expect(() => movedim(x, [0, 1], [1])).toThrow('movedim: invalid source or destination dims: source [0, 1] and destination [1] must have the same number of elements');
  });

  it('refuses pad arguments that do not fit the mode', () => {
    const img = testTensor([1, 2, 3]);
    expect(() => pad(img, [1.5, 1])).toThrow('pad: padding sizes must be integers (got [1.5, 1])');
    expect(() => pad(img, [-1, 1], { mode: 'replicate' })).toThrow(ValueError);
    expect(() => pad(img, [-1, 1], { mode: 'replicate' })).toThrow('pad: negative padding (-1, 1) is only supported in constant mode (mode replicate)');
    expect(() => pad(img, [4, 0], { mode: 'circular' })).toThrow('pad: circular padding (4, 0) at dimension 2 must be at most the input size 3 (input shape [1, 2, 3])');
    expect(() => pad(testTensor([2]), [1, 1], { mode: 'reflect' })).toThrow(ShapeError);
    expect(() => pad(testTensor([2]), [1, 1], { mode: 'reflect' })).toThrow('pad: reflect padding of 1 dimension(s) (pad [1, 1]) needs a 2-D or 3-D input, got shape [2]; only the last 1 to 3 dimensions can be padded in this mode');
    expect(() => pad(testTensor([1, 0]), [1, 1], { mode: 'replicate' })).toThrow('pad: replicate padding (1, 1) at dimension 1 needs a non-empty dimension (input shape [1, 0])');
  });
});
