import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import type { Tensor } from '../../index';

// Inputs away from kinks (0 for relu/abs, the bounds of clamps) and inside each op's domain.
const GENERAL = [[-1.7, -0.6, 0.35], [0.8, 1.45, -0.25]];
const POSITIVE = [[0.3, 0.7, 1.2], [2.1, 0.45, 3.3]];
const UNIT = [[-0.8, -0.35, 0.15], [0.55, 0.7, -0.6]];
const HARD = [[-4.2, -2.5, -0.7], [0.9, 2.4, 3.8]]; // clear of ±3 and 0, 6

const CASES: [string, (t: Tensor) => Tensor, number[][]][] = [
  ['exp', dl.exp, GENERAL],
  ['exp2', dl.exp2, GENERAL],
  ['expm1', dl.expm1, GENERAL],
  ['log', dl.log, POSITIVE],
  ['log2', dl.log2, POSITIVE],
  ['log10', dl.log10, POSITIVE],
  ['log1p', dl.log1p, POSITIVE],
  ['sqrt', dl.sqrt, POSITIVE],
  ['rsqrt', dl.rsqrt, POSITIVE],
  ['square', dl.square, GENERAL],
  ['abs', dl.abs, GENERAL],
  ['neg', dl.neg, GENERAL],
  ['reciprocal', dl.reciprocal, POSITIVE],
  ['frac', dl.frac, GENERAL],
  ['sin', dl.sin, GENERAL],
  ['cos', dl.cos, GENERAL],
  ['tan', dl.tan, UNIT],
  ['asin', dl.asin, UNIT],
  ['acos', dl.acos, UNIT],
  ['atan', dl.atan, GENERAL],
  ['sinh', dl.sinh, GENERAL],
  ['cosh', dl.cosh, GENERAL],
  ['erf', dl.erf, GENERAL],
  ['sigmoid', dl.sigmoid, GENERAL],
  ['logSigmoid', dl.logSigmoid, GENERAL],
  ['tanh', dl.tanh, GENERAL],
  ['relu', dl.relu, GENERAL],
  ['relu6', dl.relu6, [[-1, 0.5, 2], [5.5, 6.5, 3]]],
  ['leakyRelu', (t) => dl.leakyRelu(t, { negativeSlope: 0.2 }), GENERAL],
  ['elu', (t) => dl.elu(t, { alpha: 1.5 }), GENERAL],
  ['selu', dl.selu, GENERAL],
  ['celu', (t) => dl.celu(t, { alpha: 0.7 }), GENERAL],
  ['gelu', (t) => dl.gelu(t), GENERAL],
  ['gelu tanh', (t) => dl.gelu(t, { approximate: 'tanh' }), GENERAL],
  ['silu', dl.silu, GENERAL],
  ['mish', dl.mish, GENERAL],
  ['softplus', (t) => dl.softplus(t, { beta: 2, threshold: 3 }), GENERAL],
  ['softsign', dl.softsign, GENERAL],
  ['hardtanh', (t) => dl.hardtanh(t), GENERAL],
  ['hardsigmoid', dl.hardsigmoid, HARD],
  ['hardswish', dl.hardswish, HARD],
  ['threshold', (t) => dl.threshold(t, 0.1, 2), GENERAL],
  ['clamp', (t) => dl.clamp(t, -1, 1), GENERAL],
  ['nanToNum', (t) => dl.nanToNum(t), GENERAL],
  ['clone', dl.clone, GENERAL],
  ['atan2 (first argument)', (t) => dl.atan2(t, dl.tensor([[0.5, -1, 2]])), GENERAL],
];

describe('gradcheck of the unary ops', () => {
  for (const [name, fn, data] of CASES) {
    it(`passes for ${name}`, () => {
      const x = dl.tensor(data, { requiresGrad: true });
      expect(dl.gradcheck(fn, [x])).toBe(true);
    });
  }

  it('passes for clamp with tensor bounds (all three inputs)', () => {
    const x = dl.tensor(GENERAL, { requiresGrad: true });
    const lo = dl.tensor([[-1, 0.5, -2]], { requiresGrad: true });
    const hi = dl.tensor([[1], [1.2]], { requiresGrad: true });
    expect(dl.gradcheck((a, b, c) => dl.clamp(a, b, c), [x, lo, hi])).toBe(true);
  });

  it('passes for atan2 in both arguments', () => {
    const y = dl.tensor(GENERAL, { requiresGrad: true });
    const x = dl.tensor(POSITIVE, { requiresGrad: true });
    expect(dl.gradcheck((a, b) => dl.atan2(a, b), [y, x])).toBe(true);
  });
});
