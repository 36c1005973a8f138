import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../creation/tensor';
import { interpolate, type InterpolateOptions } from './interpolate';

describe('interpolate', () => {
  const cases: [string, InterpolateOptions][] = [
    ['interp_nearest_size', { size: [5, 7], mode: 'nearest' }],
    ['interp_nearest_scale', { scaleFactor: 1.7, mode: 'nearest' }],
    ['interp_nearest_exact', { size: [3, 7], mode: 'nearest-exact' }],
    ['interp_bilinear_scale', { scaleFactor: 1.5, mode: 'bilinear', alignCorners: false }],
    ['interp_bilinear_down', { size: [3, 4], mode: 'bilinear' }],
    ['interp_bilinear_align', { size: [7, 3], mode: 'bilinear', alignCorners: true }],
    ['interp_bicubic', { size: [6, 8], mode: 'bicubic' }],
    ['interp_bicubic_align', { scaleFactor: [1.5, 2], mode: 'bicubic', alignCorners: true }],
    ['interp_linear', { size: 8, mode: 'linear' }],
    ['interp_nearest_1d', { scaleFactor: 2.5, mode: 'nearest' }],
    ['interp_area', { size: [3, 2], mode: 'area' }],
    ['interp_bilinear_recompute', { scaleFactor: 1.3, mode: 'bilinear', recomputeScaleFactor: true }],
  ];
  for (const [name, options] of cases) {
    it(`matches PyTorch forward and backward (${name})`, () => {
      checkFunctionalCase(name, ({ x }) => interpolate(x, options));
    });
  }

  it('passes gradcheck in every mode', () => {
    const x2 = uniform([1, 2, 4, 3], 1);
    for (const options of [
      { scaleFactor: 2, mode: 'nearest' },
      { size: [3, 5], mode: 'nearest-exact' },
      { size: [7, 5], mode: 'bilinear' },
      { scaleFactor: 1.5, mode: 'bicubic', alignCorners: true },
      { size: [3, 2], mode: 'area' },
    ] as InterpolateOptions[]) {
      expect(gradcheck((a) => interpolate(a, options), [x2]), JSON.stringify(options)).toBe(true);
    }
    expect(gradcheck((a) => interpolate(a, { size: 9, mode: 'linear', alignCorners: true }), [uniform([2, 2, 5], 2)])).toBe(true);
  });

  it('refuses missing or doubled sizes, bad modes, and alignCorners with nearest', () => {
    const x = uniform([1, 1, 4, 4], 1);
    expect(() => interpolate(x, {})).toThrow(ValueError);
    expect(() => interpolate(x, {})).toThrow('interpolate: either size or scaleFactor should be defined');
    expect(() => interpolate(x, { size: 8, scaleFactor: 2 })).toThrow('interpolate: only one of size or scaleFactor should be defined');
    expect(() => interpolate(x, { size: 8, mode: 'nearest', alignCorners: true })).toThrow(
      'interpolate: alignCorners can only be set with the interpolating modes: linear | bilinear | bicubic',
    );
    expect(() => interpolate(x, { size: 8, mode: 'cubic' as 'bicubic' })).toThrow("interpolate: unknown mode 'cubic'");
    expect(() => interpolate(x, { size: [8, 8, 8] })).toThrow('interpolate: size shape must match input spatial dimensions: expected 2 values, got [8,8,8]');
    expect(() => interpolate(x, { scaleFactor: 0.1 })).toThrow('interpolate: the output size must be positive integers (got [0, 0] for input of size [1, 1, 4, 4])');
  });

  it('refuses ranks a mode does not take, and integer inputs', () => {
    expect(() => interpolate(uniform([1, 1, 4, 4], 1), { size: 8, mode: 'linear' })).toThrow(ShapeError);
    expect(() => interpolate(uniform([1, 1, 4, 4], 1), { size: 8, mode: 'linear' })).toThrow('interpolate: got 4D input of size [1, 1, 4, 4], but linear mode needs 3D input');
    expect(() => interpolate(uniform([4, 4], 1), { size: 8 })).toThrow('interpolate: expected a 3D [N, C, L] or 4D [N, C, H, W] input, but got input of size [4, 4]');
    expect(() => interpolate(uniform([1, 1, 2, 2, 2], 1), { size: 4 })).toThrow('interpolate: 5D (volumetric) inputs are not supported');
    expect(() => interpolate(tensor([[[1, 2]]], { dtype: 'int32' }), { size: 4 })).toThrow(DTypeError);
  });
});
