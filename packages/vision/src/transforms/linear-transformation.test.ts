import { ArgumentTypeError, DTypeError, eye, rand, ShapeError, tensor, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { maxDiff, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { LinearTransformation } from './linear-transformation';

describe('LinearTransformation', () => {
  it('computes (flatten(x) - mean) @ matrix in the input shape, on one image and on a batch', () => {
    const m = tensor([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 1],
    ]);
    const t = new LinearTransformation(m, tensor([1, 0, 0, 0]));
    expect(t(tensor([[[1, 2], [3, 4]]])).tolist()).toEqual([[[2, 0], [6, 4]]]);
    const batch = rand([3, 1, 2, 2]);
    const y = new LinearTransformation(eye(4), zeros([4]))(batch);
    expect(y.shape).toEqual([3, 1, 2, 2]);
    expect(maxDiff(y.dataSync(), batch.dataSync())).toBe(0);
  });

  it('prints its repr as torchvision and carries its tensors in the workerSpec', () => {
    const t = new LinearTransformation(eye(2), zeros([2]));
    expect(String(t)).toBe(torchRepr('LinearTransformation(eye(2), zeros(2))'));
    expect(t.workerSpec()!.args).toEqual([t.transformationMatrix, t.meanVector]);
  });

  it('rejects a rectangular matrix, a mean of the wrong length, inputs of the wrong size, Images and int tensors', () => {
    throwsExactly(() => new LinearTransformation(zeros([2, 3]), zeros([2])), ValueError, 'LinearTransformation: transformation_matrix should be square. Got (2, 3) rectangular matrix.');
    throwsExactly(
      () => new LinearTransformation(eye(2), zeros([3])),
      ValueError,
      'LinearTransformation: mean_vector should have the same length 3 as any one of the dimensions of the transformation_matrix [(2, 2)]',
    );
    throwsExactly(() => new LinearTransformation(eye(4), zeros([4]))(rand([1, 3, 3])), ShapeError, 'LinearTransformation: Input tensor and transformation matrix have incompatible shape. [1 x 3 x 3] != 4');
    throwsExactly(() => new LinearTransformation(eye(4), zeros([4]))(Image.new('L', [2, 2]) as never), ArgumentTypeError, 'LinearTransformation: expected a tensor image [..., C, H, W], got <Image mode=L size=2x2>');
    throwsExactly(() => new LinearTransformation(eye(1, { dtype: 'int32' }), zeros([1])), DTypeError, 'LinearTransformation: transformationMatrix should be a float32 tensor, got dtype int32');
  });
});
