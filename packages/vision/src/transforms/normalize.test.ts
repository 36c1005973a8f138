import { ArgumentTypeError, DTypeError, rand, stack, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Normalize } from './normalize';

describe('Normalize', () => {
  it('normalizes per channel, on one image and on a batch', () => {
    const x = tensor([[[0.5, 1]], [[0, 0.25]]]);
    const t = new Normalize([0.5, 0], [0.5, 0.25]);
    expect(t(x).tolist()).toEqual([[[0, 1]], [[0, 1]]]);
    expect(t(stack([x, x])).tolist()).toEqual([
      [[[0, 1]], [[0, 1]]],
      [[[0, 1]], [[0, 1]]],
    ]);
    expect(x.tolist()).toEqual([[[0.5, 1]], [[0, 0.25]]]);
  });

  it('changes its input only with inplace', () => {
    const x = tensor([[[1]]]);
    expect(new Normalize([0.5], [0.5], { inplace: true })(x)).toBe(x);
    expect(x.tolist()).toEqual([[[1]]]);
  });

  it("prints torchvision's repr and carries its options in the workerSpec", () => {
    expect(String(new Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]))).toBe(torchRepr('Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])'));
    expect(new Normalize([0.5], [0.2]).workerSpec()).toMatchObject({ export: 'Normalize', args: [[0.5], [0.2], { inplace: false }] });
  });

  it('rejects a zero std when built, bad lists, Images and int tensors', () => {
    throwsExactly(() => new Normalize([0.5, 0.5], [0.2, 0]), ValueError, 'Normalize: std evaluated to zero after conversion to float32, leading to division by zero (std [0.2, 0])');
    throwsExactly(() => new Normalize([0.5], [1e-50]), ValueError, 'Normalize: std evaluated to zero after conversion to float32, leading to division by zero (std [1e-50])');
    throwsExactly(() => new Normalize(0.5 as never, [1]), ArgumentTypeError, 'Normalize: mean should be a non-empty array of finite numbers (one per channel), got number 0.5');
    throwsExactly(() => new Normalize([0.5], []), ArgumentTypeError, 'Normalize: std should be a non-empty array of finite numbers (one per channel), got []');
    throwsExactly(
      () => new Normalize([0.5], [0.5])(Image.new('L', [1, 1]) as never),
      ArgumentTypeError,
      'normalize: expected a Tensor, got <Image mode=L size=1x1> (convert an Image with toTensor() or pilToTensor() first)',
    );
    throwsExactly(
      () => new Normalize([0.5], [0.5])(tensor([[[1]]], { dtype: 'int32' })),
      DTypeError,
      'normalize: expected a float32 tensor, got dtype int32 (convert an 8-bit tensor with convertImageDtype first)',
    );
    expect(() => new Normalize([0.5, 0.5], [0.5, 0.5])(rand([3, 2, 2]))).toThrow('normalize: mean has 2 values, expected 1 or one per channel (3) for a tensor of shape [3, 2, 2]');
  });
});
