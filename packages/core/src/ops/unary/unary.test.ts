import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import * as dl from '../../index';
import { DTypeError, Tensor, ValueError } from '../../index';
import { UNARY_REFERENCE } from '../../../test/support/unary-reference';

// The op for each entry of UNARY_REFERENCE, with the options the generator used.
const OPS: Record<string, (t: Tensor) => Tensor> = {
  exp: dl.exp,
  exp2: dl.exp2,
  expm1: dl.expm1,
  log: dl.log,
  log2: dl.log2,
  log10: dl.log10,
  log1p: dl.log1p,
  sqrt: dl.sqrt,
  rsqrt: dl.rsqrt,
  square: dl.square,
  abs: dl.abs,
  neg: dl.neg,
  reciprocal: dl.reciprocal,
  sign: dl.sign,
  floor: dl.floor,
  ceil: dl.ceil,
  round: (t) => dl.round(t),
  trunc: dl.trunc,
  frac: dl.frac,
  sin: dl.sin,
  cos: dl.cos,
  tan: dl.tan,
  asin: dl.asin,
  acos: dl.acos,
  atan: dl.atan,
  sinh: dl.sinh,
  cosh: dl.cosh,
  erf: dl.erf,
  sigmoid: dl.sigmoid,
  logSigmoid: dl.logSigmoid,
  tanh: dl.tanh,
  relu: dl.relu,
  relu6: dl.relu6,
  leakyRelu: (t) => dl.leakyRelu(t, { negativeSlope: 0.2 }),
  elu: (t) => dl.elu(t, { alpha: 1.5 }),
  selu: dl.selu,
  celu: (t) => dl.celu(t, { alpha: 2 }),
  gelu: (t) => dl.gelu(t),
  geluTanh: (t) => dl.gelu(t, { approximate: 'tanh' }),
  silu: dl.silu,
  mish: dl.mish,
  softplus: (t) => dl.softplus(t, { beta: 2, threshold: 5 }),
  softsign: dl.softsign,
  hardtanh: (t) => dl.hardtanh(t, { minVal: -2, maxVal: 2 }),
  hardsigmoid: dl.hardsigmoid,
  hardswish: dl.hardswish,
  threshold: (t) => dl.threshold(t, 0.5, -7),
  clamp: (t) => dl.clamp(t, -1.1, 1.5),
};

describe('unary ops against PyTorch 1.13', () => {
  it('covers every op of the reference table', () => {
    expect(Object.keys(OPS).sort()).toEqual(Object.keys(UNARY_REFERENCE).sort());
  });

  for (const [name, ref] of Object.entries(UNARY_REFERENCE)) {
    it(`computes ${name} and its gradient like PyTorch`, () => {
      const x = dl.tensor(ref.x, { requiresGrad: true });
      const y = OPS[name](x);
      expectClose(y, ref.y, 1e-4, 1e-5, `${name} forward`);
      y.sum().backward();
      expectClose(x.grad!, ref.g, 1e-4, 1e-5, `${name} gradient`);
    });
  }
});

describe('unary dtypes', () => {
  const ints = () => dl.tensor([-3, 0, 4], { dtype: 'int32' });

  it('promotes integer input to float32 for float-valued ops', () => {
    for (const fn of [dl.exp, dl.sqrt, dl.sigmoid, dl.tanh, dl.log1p, dl.erf, dl.gelu, dl.sin]) {
      expect((fn as (t: Tensor) => Tensor)(ints()).dtype).toBe('float32');
    }
    expect(dl.exp(dl.tensor([0, 1], { dtype: 'int32' })).tolist()).toEqual([1, Math.fround(Math.E)]);
  });

  it('keeps int32 for abs, neg, sign, square, relu, relu6 and the rounding ops', () => {
    expect(dl.abs(ints()).tolist()).toEqual([3, 0, 4]);
    expect(dl.neg(ints()).tolist()).toEqual([3, 0, -4]);
    expect(dl.sign(ints()).tolist()).toEqual([-1, 0, 1]);
    expect(dl.square(ints()).tolist()).toEqual([9, 0, 16]);
    expect(dl.relu(ints()).tolist()).toEqual([0, 0, 4]);
    expect(dl.relu6(dl.tensor([-1, 3, 9], { dtype: 'int32' })).tolist()).toEqual([0, 3, 6]);
    for (const fn of [dl.abs, dl.neg, dl.sign, dl.square, dl.relu, dl.floor, dl.ceil, dl.trunc]) {
      expect((fn as (t: Tensor) => Tensor)(ints()).dtype).toBe('int32');
    }
    expect(dl.round(ints()).tolist()).toEqual([-3, 0, 4]);
  });

  it('refuses neg on bool with PyTorch advice', () => {
    const b = dl.tensor([true, false]);
    expect(() => dl.neg(b)).toThrow(DTypeError);
    expect(() => dl.neg(b)).toThrow(/neg: negation, the `-` operator, on a bool tensor is not supported/);
    expect(() => dl.abs(b)).toThrow(/abs: not implemented for bool tensors/);
  });

  it('names the op when the input is not a tensor', () => {
    expect(() => dl.exp([1, 2] as unknown as Tensor)).toThrow(ValueError);
    expect(() => dl.exp([1, 2] as unknown as Tensor)).toThrow('exp: expected input to be a Tensor, got an array');
    expect(() => dl.relu(3 as unknown as Tensor)).toThrow('relu: expected input to be a Tensor, got number');
  });
});

describe('round', () => {
  it('rounds half to even', () => {
    // (-0.5 rounds to -0 on wasm and +0 on cpu; both are 0)
    const r = (dl.round(dl.tensor([0.5, 1.5, 2.5, -0.5, -1.5])).tolist() as number[]).map((v) => v + 0);
    expect(r).toEqual([0, 2, 2, 0, -2]);
  });

  it('rounds to decimals, positive and negative', () => {
    expectClose(dl.round(dl.tensor([1.2345, -2.5678]), { decimals: 2 }), [1.23, -2.57]);
    expect(dl.round(dl.tensor([1234, 1250, 1350]), { decimals: -2 }).tolist()).toEqual([1200, 1200, 1400]);
  });

  it('refuses non-integer decimals', () => {
    expect(() => dl.round(dl.tensor([1]), { decimals: 0.5 })).toThrow(ValueError);
    expect(() => dl.round(dl.tensor([1]), { decimals: 0.5 })).toThrow('round: decimals must be an integer, got 0.5');
  });
});

describe('clamp', () => {
  const x = () => dl.tensor([-2, -0.5, 0.5, 3]);

  it('takes either bound alone, positionally or as options', () => {
    expect(dl.clamp(x(), 0).tolist()).toEqual([0, 0, 0.5, 3]);
    expect(dl.clamp(x(), null, 0).tolist()).toEqual([-2, -0.5, 0, 0]);
    expect(dl.clamp(x(), { max: 1 }).tolist()).toEqual([-2, -0.5, 0.5, 1]);
    expect(x().clip({ min: -1, max: 1 }).tolist()).toEqual([-1, -0.5, 0.5, 1]);
  });

  it('broadcasts tensor bounds and routes gradients to them', () => {
    const v = dl.tensor([[-2, 0.5, 3]], { requiresGrad: true });
    const lo = dl.tensor([[-1], [1]], { requiresGrad: true });
    const hi = dl.tensor(2, { requiresGrad: true });
    const y = dl.clamp(v, lo, hi);
    expect(y.tolist()).toEqual([[-1, 0.5, 2], [1, 1, 2]]);
    y.sum().backward();
    expect(v.grad!.tolist()).toEqual([[0, 1, 0]]);
    expect(lo.grad!.tolist()).toEqual([[1], [2]]);
    expect(hi.grad!.item()).toBe(2);
  });

  it('gives max where min > max, and keeps NaN', () => {
    expect(dl.clamp(dl.tensor([0, 5]), 3, 1).tolist()).toEqual([1, 1]);
    expect(Number.isNaN(dl.clamp(dl.tensor([NaN]), 0, 1).item())).toBe(true);
  });

  it('promotes an int tensor clamped by float bounds, as PyTorch', () => {
    const y = dl.clamp(dl.tensor([1, 2, 3], { dtype: 'int32' }), 1.5);
    expect(y.dtype).toBe('float32');
    expect(y.tolist()).toEqual([1.5, 2, 3]);
    expect(dl.clamp(dl.tensor([1, 5], { dtype: 'int32' }), 2, 4).dtype).toBe('int32');
  });

  it('needs at least one bound', () => {
    expect(() => dl.clamp(x())).toThrow(ValueError);
    expect(() => dl.clamp(x())).toThrow("clamp: at least one of 'min' or 'max' must not be None");
    expect(() => dl.clamp(x(), 'a' as unknown as number)).toThrow('clamp: min must be a number, a Tensor or null, got string');
  });

  it('names both shapes when a tensor bound does not broadcast', () => {
    expect(() => dl.clamp(dl.ones([2, 3]), dl.zeros([4]))).toThrow(/clamp: shapes \[2, 3\] and \[4\] cannot be broadcast/);
  });
});

describe('activation options', () => {
  it('softplus is linear above the threshold', () => {
    expect(dl.softplus(dl.tensor([30, 100])).tolist()).toEqual([30, 100]);
    expectClose(dl.softplus(dl.tensor([0])), [Math.LN2]);
  });

  it('logSigmoid stays finite for large negative inputs', () => {
    expectClose(dl.logSigmoid(dl.tensor([-100, 100])), [-100, 0]);
  });

  it('rejects bad options with the op name', () => {
    expect(() => dl.gelu(dl.ones([1]), { approximate: 'fast' as 'tanh' })).toThrow("gelu: approximate must be 'none' or 'tanh', got 'fast'");
    expect(() => dl.softplus(dl.ones([1]), { beta: 0 })).toThrow('softplus: beta must be a finite non-zero number, got 0');
    expect(() => dl.celu(dl.ones([1]), { alpha: 0 })).toThrow('celu: alpha cannot be 0');
    expect(() => dl.leakyRelu(dl.ones([1]), { negativeSlope: NaN })).toThrow('leakyRelu: negativeSlope must be a finite number, got NaN');
    expect(() => dl.hardtanh(dl.ones([1]), { minVal: 2, maxVal: 1 })).toThrow('hardtanh: minVal (2) must be less than or equal to maxVal (1)');
    expect(() => dl.threshold(dl.ones([1]), 'a' as unknown as number, 0)).toThrow('threshold: threshold and value must be numbers, got string and number');
    for (const e of [ValueError]) expect(() => dl.celu(dl.ones([1]), { alpha: 0 })).toThrow(e);
  });
});

describe('nanToNum', () => {
  it('replaces NaN and infinities, by default with the float32 extremes', () => {
    const y = dl.nanToNum(dl.tensor([NaN, Infinity, -Infinity, 2]));
    expect(y.tolist()).toEqual([0, 3.4028234663852886e38, -3.4028234663852886e38, 2]);
    expect(dl.tensor([NaN, Infinity, -Infinity]).nanToNum({ nan: 1, posinf: 2, neginf: 3 }).tolist()).toEqual([1, 2, 3]);
  });

  it('passes gradients only through finite elements', () => {
    const x = dl.tensor([NaN, 1, Infinity], { requiresGrad: true });
    dl.nanToNum(x).sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 1, 0]);
  });

  it('copies integer tensors', () => {
    expect(dl.nanToNum(dl.tensor([1, 2], { dtype: 'int32' })).tolist()).toEqual([1, 2]);
  });
});

describe('Tensor methods', () => {
  it('mirror the functions', () => {
    const x = dl.tensor([0.3, 1.7, 2.2]);
    const pairs: [string, (t: Tensor) => Tensor][] = [
      ['exp', dl.exp], ['log', dl.log], ['sqrt', dl.sqrt], ['rsqrt', dl.rsqrt], ['sigmoid', dl.sigmoid], ['tanh', dl.tanh],
      ['relu', dl.relu], ['gelu', (t) => dl.gelu(t)], ['silu', dl.silu], ['mish', dl.mish], ['softplus', (t) => dl.softplus(t)],
      ['abs', dl.abs], ['absolute', dl.abs], ['neg', dl.neg], ['negative', dl.neg], ['reciprocal', dl.reciprocal], ['sign', dl.sign],
      ['floor', dl.floor], ['ceil', dl.ceil], ['trunc', dl.trunc], ['fix', dl.trunc], ['frac', dl.frac], ['square', dl.square],
      ['exp2', dl.exp2], ['expm1', dl.expm1], ['log2', dl.log2], ['log10', dl.log10], ['log1p', dl.log1p], ['sin', dl.sin],
      ['cos', dl.cos], ['tan', dl.tan], ['atan', dl.atan], ['sinh', dl.sinh], ['cosh', dl.cosh], ['erf', dl.erf],
      ['logSigmoid', dl.logSigmoid], ['relu6', dl.relu6], ['selu', dl.selu], ['softsign', dl.softsign], ['hardsigmoid', dl.hardsigmoid],
      ['hardswish', dl.hardswish], ['round', (t) => dl.round(t)], ['leakyRelu', (t) => dl.leakyRelu(t)], ['elu', (t) => dl.elu(t)],
      ['celu', (t) => dl.celu(t)], ['hardtanh', (t) => dl.hardtanh(t)], ['nanToNum', (t) => dl.nanToNum(t)],
    ];
    for (const [method, fn] of pairs) {
      const viaMethod = (x as unknown as Record<string, () => Tensor>)[method]();
      expect(viaMethod.tolist(), method).toEqual(fn(x).tolist());
    }
    expect(dl.tensor([0.5]).asin().tolist()).toEqual(dl.asin(dl.tensor([0.5])).tolist());
    expect(dl.tensor([0.5]).acos().tolist()).toEqual(dl.acos(dl.tensor([0.5])).tolist());
    expect(x.atan2(dl.tensor(1)).tolist()).toEqual(dl.atan2(x, 1).tolist());
    expect(x.threshold(1, 0).tolist()).toEqual([0, Math.fround(1.7), Math.fround(2.2)]);
  });
});

describe('atan2', () => {
  it('finds the quadrant and broadcasts', () => {
    expectClose(dl.atan2(dl.tensor([1, 1, -1]), dl.tensor([1, -1, -1])), [Math.PI / 4, (3 * Math.PI) / 4, (-3 * Math.PI) / 4]);
    expect(dl.atan2(dl.tensor([[1], [2]]), dl.tensor([1, 2, 3])).shape).toEqual([2, 3]);
  });
});
