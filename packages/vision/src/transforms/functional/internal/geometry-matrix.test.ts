import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { inverseAffineMatrix, perspectiveCoefficients, pilRotateMatrix, tensorExpandedSize } from './geometry-matrix';

describe('inverseAffineMatrix', () => {
  it("equals torchvision's _get_inverse_affine_matrix", () => {
    const m = inverseAffineMatrix([5.5, 4], 30, [2, -1], 1.2, [10, -5]);
    const expected = [0.6370850630356901, 0.5374919489360557, -0.8906138195758437, -0.47980617096383266, 0.6852342266845639, 5.542843602175053];
    m.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 14));
  });
});

describe('pilRotateMatrix', () => {
  it("equals PIL's Image.rotate matrix and expanded size", () => {
    const { matrix, width, height } = pilRotateMatrix(17, 13, 33, true, null);
    expect([width, height]).toEqual([23, 21]);
    const expected = [0.838670567945424, -0.544639035015027, 4.573998336285406, 0.544639035015027, 0.838670567945424, -8.569389866099762];
    matrix.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 14));
    expect(matrix[0]).toBe(0.838670567945424); // rounded to 15 decimals as PIL does
  });
});

describe('tensorExpandedSize', () => {
  it("equals torchvision's _compute_affine_output_size", () => {
    expect(tensorExpandedSize(inverseAffineMatrix([0, 0], -33, [0, 0], 1, [0, 0]), 17, 13)).toEqual([23, 21]);
    expect(tensorExpandedSize(inverseAffineMatrix([0, 0], -90, [0, 0], 1, [0, 0]), 17, 13)).toEqual([13, 17]);
  });
});

describe('perspectiveCoefficients', () => {
  it('maps endpoints back onto startpoints', () => {
    const sp = [[0, 0], [16, 0], [16, 12], [0, 12]];
    const ep = [[2, 1], [15, 0], [13, 12], [1, 10]];
    const c = perspectiveCoefficients(sp, ep, 'perspective');
    ep.forEach(([x, y], i) => {
      const d = c[6]! * x! + c[7]! * y! + 1;
      expect((c[0]! * x! + c[1]! * y! + c[2]!) / d).toBeCloseTo(sp[i]![0]!, 4);
      expect((c[3]! * x! + c[4]! * y! + c[5]!) / d).toBeCloseTo(sp[i]![1]!, 4);
    });
  });

  it('throws for degenerate points', () => {
    const sp = [[0, 0], [1, 0], [1, 1], [0, 1]];
    expect(() => perspectiveCoefficients(sp, [[0, 0], [1, 1], [2, 2], [3, 3]], 'op')).toThrow(ValueError);
  });
});
