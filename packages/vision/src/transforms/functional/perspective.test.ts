import { ArgumentTypeError, ShapeError, ValueError, rand, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TENSOR_TOL, compare, expectFixture, fixtureTensor, geometryFixtures, inputImage } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { affineGrid } from './internal/geometry-grid-sample';
import { perspectiveCoefficients } from './internal/geometry-matrix';
import { transformImage } from './internal/geometry-transform';
import type { InterpolationMode } from './interpolation-mode';
import { type Point, perspective } from './perspective';

interface Params {
  startpoints: Point[];
  endpoints: Point[];
  interpolation: InterpolationMode;
  fill?: number | number[];
  coeffs: number[];
}

describe('perspective parity', () => {
  for (const f of geometryFixtures('pil_perspective_')) {
    const p = f.params as unknown as Params;
    it(`solves torchvision's coefficients to float32 precision: ${f.name}`, () => {
      const mine = perspectiveCoefficients(p.startpoints, p.endpoints, 'perspective');
      mine.forEach((v, i) => expect(Math.abs(v - p.coeffs[i]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(p.coeffs[i]!))));
    });
    it(`samples exactly as PIL with torchvision's coefficients: ${f.name}`, () => {
      const img = inputImage(f);
      const fill = p.fill === undefined ? [0, 0, 0] : typeof p.fill === 'number' ? [p.fill, p.fill, p.fill] : p.fill;
      const y = transformImage(img, img.width, img.height, 'perspective', p.coeffs, p.interpolation as 'nearest' | 'bilinear' | 'bicubic', fill);
      expectFixture(y, f.expected.y!);
    });
    it(`matches PIL end to end but for pixels on sampling boundaries: ${f.name}`, () => {
      // torchvision solves the coefficients with float32 LAPACK (its rounding is the platform's);
      // points that land exactly on pixel edges may then fall on the other side.
      const y = perspective(inputImage(f), p.startpoints, p.endpoints, { interpolation: p.interpolation, fill: p.fill });
      expect(y.size).toEqual([f.expected.y!.shape[1], f.expected.y!.shape[0]]);
      expect(compare(y.data, f.expected.y!).mismatches).toBeLessThanOrEqual(0.02 * y.data.length);
    });
  }
  for (const f of geometryFixtures('tensor_perspective_')) {
    it(`matches torchvision's tensor perspective: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      expectFixture(perspective(fixtureTensor(f.inputs.x!), p.startpoints, p.endpoints, { interpolation: p.interpolation, fill: p.fill }), f.expected.y!, TENSOR_TOL);
    });
  }
});

describe('perspective', () => {
  const corners: Point[] = [[0, 0], [7, 0], [7, 7], [0, 7]];

  it('is the identity when the points do not move', () => {
    const img = new Image(8, 8, 'RGB', Uint8Array.from({ length: 192 }, (_, i) => i));
    expect(Array.from(perspective(img, corners, corners).data)).toEqual(Array.from(img.data));
    const t = rand([2, 3, 8, 8]);
    const y = perspective(t, corners, corners);
    expect(compare(y.dataSync(), { shape: t.shape, dtype: 'float32', data: Array.from(t.dataSync()) }, 1e-6).mismatches).toBe(0);
  });

  it('grids as torchvision for affine maps too (sanity of the shared sampler)', () => {
    expect(affineGrid([1, 0, 0, 0, 1, 0], 4, 2, 4, 2)).toEqual(Float32Array.of(-0.75, -0.5, -0.25, -0.5, 0.25, -0.5, 0.75, -0.5, -0.75, 0.5, -0.25, 0.5, 0.25, 0.5, 0.75, 0.5));
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => perspective(null as unknown as Image, corners, corners)).toThrow(ArgumentTypeError);
    expect(() => perspective(null as unknown as Image, corners, corners)).toThrow('perspective: expected an Image or an image Tensor, got null');
    expect(() => perspective(zeros([8]), corners, corners)).toThrow(ShapeError);
  });

  it('rejects points that are not four pairs or define no perspective', () => {
    const img = Image.new('RGB', [8, 8]);
    expect(() => perspective(img, corners.slice(0, 3), corners)).toThrow(ValueError);
    expect(() => perspective(img, corners.slice(0, 3), corners)).toThrow(
      'perspective: startpoints should be four [x, y] points (top-left, top-right, bottom-right, bottom-left), got [[0,0],[7,0],[7,7]]',
    );
    expect(() => perspective(img, corners, 'corners' as unknown as Point[])).toThrow(ArgumentTypeError);
    expect(() => perspective(img, corners, [[0, 0], [0, 0], [0, 0], [0, 0]])).toThrow(
      'perspective: the points do not define a perspective transform (three of them are collinear or repeated): startpoints [[0,0],[7,0],[7,7],[0,7]], endpoints [[0,0],[0,0],[0,0],[0,0]]',
    );
  });

  it('rejects unsupported interpolations and fills of the wrong length', () => {
    expect(() => perspective(zeros([3, 8, 8]), corners, corners, { interpolation: 'bicubic' })).toThrow(
      "perspective: interpolation 'bicubic' is unsupported with Tensor input (use 'nearest' or 'bilinear')",
    );
    expect(() => perspective(Image.new('L', [8, 8]), corners, corners, { fill: [1, 2] })).toThrow(
      "perspective: the number of elements in 'fill' does not match the number of channels of the image (2 != 1)",
    );
  });
});
