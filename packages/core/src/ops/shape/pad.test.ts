import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, pad, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

// Expected values were computed with PyTorch 1.13 (torch.nn.functional.pad).
describe('pad', () => {
  const x = tensor([[[1, 2, 3], [4, 5, 6]]]);

  it('pads with a constant, last dimension first, and crops with negative amounts', () => {
    expect(pad(tensor([[1, 2]]), [1, 1]).tolist()).toEqual([[0, 1, 2, 0]]);
    expect(pad(x, [-1, 1, 0, 1], { value: 9 }).tolist()).toEqual([[[2, 3, 9], [5, 6, 9], [9, 9, 9]]]);
    expect(pad(x, [0, 0, 0, 0, 1, 0]).shape).toEqual([2, 2, 3]);
  });

  it('reflects, replicates and wraps', () => {
    expect(pad(x, [2, 1], { mode: 'reflect' }).tolist()).toEqual([[[3, 2, 1, 2, 3, 2], [6, 5, 4, 5, 6, 5]]]);
    expect(pad(x, [2, 1, 1, 0], { mode: 'replicate' }).tolist()).toEqual([[[1, 1, 1, 2, 3, 3], [1, 1, 1, 2, 3, 3], [4, 4, 4, 5, 6, 6]]]);
    expect(pad(x.unsqueeze(0), [2, 1, 1, 1], { mode: 'circular' }).tolist()).toEqual([
      [[[5, 6, 4, 5, 6, 4], [2, 3, 1, 2, 3, 1], [5, 6, 4, 5, 6, 4], [2, 3, 1, 2, 3, 1]]],
    ]);
  });

  it('sums gradients of reflected and wrapped borders like PyTorch', () => {
    const a = tensor([[[1, 2, 3], [4, 5, 6]]], { requiresGrad: true });
    pad(a, [2, 2], { mode: 'reflect' }).backward(tensor([[[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12, 13]]]));
    expect(a.grad!.tolist()).toEqual([[[8, 9, 4], [22, 30, 18]]]);
    const b = tensor([[[[1, 2, 3], [4, 5, 6]]]], { requiresGrad: true });
    const g = tensor(Array.from({ length: 24 }, (_, i) => i)).reshape(1, 1, 4, 6);
    pad(b, [2, 1, 1, 1], { mode: 'circular' }).backward(g);
    expect(b.grad!.tolist()).toEqual([[[[62, 54, 58], [38, 30, 34]]]]);
  });

  it('passes gradcheck in every mode', () => {
    const a = testTensor([1, 2, 3, 4], { requiresGrad: true });
    expect(gradcheck((t) => pad(t, [1, -1, 2, 0], { value: 0.5 }), [a])).toBe(true);
    expect(gradcheck((t) => pad(t, [2, 3, 1, 1], { mode: 'reflect' }), [a])).toBe(true);
    expect(gradcheck((t) => pad(t, [2, 3, 1, 1], { mode: 'replicate' }), [a])).toBe(true);
    expect(gradcheck((t) => pad(t, [4, 3, 2, 1], { mode: 'circular' }), [a])).toBe(true);
  });

  it('refuses bad pad lists, sizes and options', () => {
    expect(() => pad(x, [1])).toThrow(ValueError);
    expect(() => pad(x, [1])).toThrow('pad: padding length must be divisible by 2 (got 1: [1])');
    expect(() => pad(x, [1, 1, 1, 1, 1, 1, 1, 1])).toThrow('pad: padding length (8) too large for a tensor of shape [1, 2, 3]');
    expect(() => pad(x, [-2, -2])).toThrow(ShapeError);
    expect(() => pad(x, [3, 3], { mode: 'reflect' })).toThrow('pad: reflect padding (3, 3) at dimension 2 must be less than the input size 3 (input shape [1, 2, 3])');
    expect(() => pad(x, [1, 1], { mode: 'reflect', value: 2 })).toThrow("pad: padding mode 'reflect' doesn't take in a value argument (got 2)");
    expect(() => pad(tensor([1, 2]), [1, 1], { mode: 'replicate' })).toThrow(ShapeError);
    expect(() => pad(x, [1, 1], { mode: 'edge' as 'reflect' })).toThrow("pad: unknown mode 'edge'");
  });
});
