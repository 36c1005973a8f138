import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import type { Tensor } from '../../index';

const A = [[-1.7, -0.6, 0.35], [0.8, 1.45, -0.25]];
const B = [[1.3], [-0.9]];
const POS = [[0.6, 1.2, 2.1], [0.9, 1.7, 2.6]];

const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, number[][], number[][]][] = [
  ['add with alpha', (a, b) => dl.add(a, b, { alpha: -1.5 }), A, B],
  ['sub with alpha', (a, b) => dl.sub(a, b, { alpha: 2 }), A, B],
  ['rsub', (a, b) => dl.rsub(a, b), A, B],
  ['mul', dl.mul, A, B],
  ['div', (a, b) => dl.div(a, b), A, B],
  ['pow (base and exponent)', dl.pow, POS, B],
  ['remainder', dl.remainder, A, B],
  ['fmod', dl.fmod, A, B],
  ['maximum', dl.maximum, A, [[0.1], [1.0]]],
  ['minimum', dl.minimum, A, [[0.1], [1.0]]],
];

describe('gradcheck of the arithmetic ops', () => {
  for (const [name, fn, a, b] of BINARY) {
    it(`passes for ${name} with broadcasting`, () => {
      const x = dl.tensor(a, { requiresGrad: true });
      const y = dl.tensor(b, { requiresGrad: true });
      expect(dl.gradcheck(fn, [x, y])).toBe(true);
    });
  }

  it('passes for pow with a number exponent and a number base', () => {
    const x = dl.tensor(POS, { requiresGrad: true });
    expect(dl.gradcheck((t) => dl.pow(t, 2.5), [x])).toBe(true);
    expect(dl.gradcheck((t) => dl.pow(1.7, t), [x])).toBe(true);
  });

  it('passes for addcmul, addcdiv and lerp in every input', () => {
    const t = () => dl.tensor(A, { requiresGrad: true });
    const col = () => dl.tensor(B, { requiresGrad: true });
    expect(dl.gradcheck((a, b, c) => dl.addcmul(a, b, c, { value: 0.7 }), [t(), col(), t()])).toBe(true);
    expect(dl.gradcheck((a, b, c) => dl.addcdiv(a, b, c, { value: -1.3 }), [t(), t(), dl.tensor(POS, { requiresGrad: true })])).toBe(true);
    expect(dl.gradcheck((a, b, w) => dl.lerp(a, b, w), [t(), col(), dl.tensor([[0.2, 0.7, 0.9]], { requiresGrad: true })])).toBe(true);
  });

  it('passes for mm, bmm, mv, dot and outer', () => {
    const r = (shape: number[], seed: number) => dl.randn(shape, { generator: new dl.Generator(seed), requiresGrad: true });
    expect(dl.gradcheck(dl.mm, [r([2, 3], 1), r([3, 4], 2)])).toBe(true);
    expect(dl.gradcheck(dl.bmm, [r([2, 2, 3], 3), r([2, 3, 2], 4)])).toBe(true);
    expect(dl.gradcheck(dl.mv, [r([2, 3], 5), r([3], 6)])).toBe(true);
    expect(dl.gradcheck(dl.dot, [r([4], 7), r([4], 8)])).toBe(true);
    expect(dl.gradcheck(dl.outer, [r([3], 9), r([2], 10)])).toBe(true);
  });
});
