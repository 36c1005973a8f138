import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, ValueError, gradcheck, layerNorm, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('layerNorm', () => {
  it('matches PyTorch with an elementwise affine over two dims', () => {
    checkCase(cases.layer_norm_affine, (t) => layerNorm(t.x, [3, 4], t.weight, t.bias));
  });

  it('matches PyTorch without affine, with a number as normalizedShape and a custom eps', () => {
    checkCase(cases.layer_norm_plain, (t) => layerNorm(t.x, 6, null, null, { eps: 1e-3 }));
  });

  it('normalises with the biased variance', () => {
    expectClose(layerNorm(tensor([[1, 3]]), [2], null, null, { eps: 0 }), [-1, 1]);
  });

  it('passes gradcheck', () => {
    const x = randn([2, 3, 4], 11, { requiresGrad: true });
    const w = randn([4], 12, { requiresGrad: true });
    const b = randn([4], 13, { requiresGrad: true });
    expect(gradcheck((a, ww, bb) => layerNorm(a, [4], ww, bb), [x, w, b])).toBe(true);
  });

  it('refuses a normalizedShape that does not end the input shape', () => {
    const x = randn([4, 3], 1);
    expect(() => layerNorm(x, [4])).toThrow(ShapeError);
    expect(() => layerNorm(x, [4])).toThrow('layerNorm: given normalizedShape=[4], expected input with shape [*, 4], but got input of shape [4, 3]');
    expect(() => layerNorm(x, [2, 4, 3])).toThrow('layerNorm: given normalizedShape=[2, 4, 3], expected input with shape [*, 2, 4, 3], but got input of shape [4, 3]');
  });

  it('refuses affine parameters of the wrong shape, integer input and negative eps', () => {
    const x = randn([4, 3], 1);
    expect(() => layerNorm(x, [3], randn([4], 2))).toThrow('layerNorm: expected weight of shape [3], got [4]');
    expect(() => layerNorm(x, [3], null, randn([3, 1], 2))).toThrow('layerNorm: expected bias of shape [3], got [3, 1]');
    expect(() => layerNorm(tensor([1, 2], { dtype: 'int32' }), [2])).toThrow(DTypeError);
    expect(() => layerNorm(x, [3], null, null, { eps: -1 })).toThrow(ValueError);
    expect(() => layerNorm(x, [3], null, null, { eps: -1 })).toThrow('layerNorm: eps must be non-negative, got -1');
    expect(() => layerNorm(tensor([1, 2], { dtype: 'int32' }), [2])).toThrow('layerNorm: expected input of dtype float32, got int32');
  });
});
