import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import { DTypeError } from '../../errors/dtype-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Generator, manualSeed } from '../../random/generator';
import { tf } from '../../backend/tfjs';
import { Tensor } from '../../tensor/tensor';
import { calculateGain, type Nonlinearity } from './calculate-gain';
import { constant_, ones_, zeros_ } from './constant';
import { dirac_ } from './dirac';
import { eye_ } from './eye';
import { calculateFanInAndFanOut } from './fan';
import { kaimingNormal_ } from './kaiming-normal';
import { kaimingUniform_ } from './kaiming-uniform';
import { normal_ } from './normal';
import { orthogonal_ } from './orthogonal';
import { sparse_ } from './sparse';
import { truncNormal_ } from './trunc-normal';
import { uniform_ } from './uniform';
import { xavierNormal_ } from './xavier-normal';
import { xavierUniform_ } from './xavier-uniform';

interface Arr {
  shape: number[];
  data: number[];
}
const torchInit = JSON.parse(readFileSync(new URL('../../../test/fixtures/nn/torch-init.json', import.meta.url), 'utf8')) as {
  inits: Record<string, Arr>;
  gains: Record<string, number>;
};

function empty(shape: number[]): Tensor {
  return Tensor._owned(tf.zeros(shape));
}

function seededInit(shape: number[], fn: (t: Tensor) => void): Tensor {
  manualSeed(0);
  const t = empty(shape);
  fn(t);
  return t;
}

function stats(t: Tensor): { mean: number; std: number; min: number; max: number } {
  const v = Array.from(t.dataSync());
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  return { mean, std, min: Math.min(...v), max: Math.max(...v) };
}

describe('nn.init: same numbers as PyTorch after manualSeed(0)', () => {
  const cases: [string, number[], (t: Tensor) => void, number?][] = [
    ['uniform_', [3, 5], (t) => uniform_(t, { a: -0.5, b: 2 })],
    // PyTorch's vectorised Box-Muller computes log/cos in float32: a few ulps apart.
    ['normal_small', [3, 4], (t) => normal_(t, { mean: 0.5, std: 2 }), 2e-5],
    ['normal_large', [5, 7], (t) => normal_(t, { mean: -1, std: 0.5 }), 2e-5],
    ['xavier_uniform_', [4, 6], (t) => xavierUniform_(t, { gain: 2 })],
    ['xavier_normal_', [6, 5], (t) => xavierNormal_(t), 2e-5],
    ['kaiming_uniform_', [4, 3, 2, 2], (t) => kaimingUniform_(t, { a: 0.1 })],
    ['kaiming_normal_fan_out_relu', [8, 3, 3], (t) => kaimingNormal_(t, { mode: 'fanOut', nonlinearity: 'relu' }), 2e-5],
    // erfinv and erf are float approximations here: a few ulps from PyTorch's.
    ['trunc_normal_', [4, 5], (t) => truncNormal_(t, { mean: 0.5, std: 1, a: -1, b: 1.5 }), 1e-5],
    ['orthogonal_tall', [5, 3], (t) => orthogonal_(t), 1e-5],
    ['orthogonal_wide', [3, 2, 3], (t) => orthogonal_(t, { gain: 2 }), 1e-5],
    ['sparse_', [6, 4], (t) => sparse_(t, 0.5, { std: 1 }), 2e-5],
    ['eye_', [3, 4], (t) => eye_(t)],
    ['dirac_', [4, 2, 3, 3], (t) => dirac_(t, { groups: 2 })],
  ];
  for (const [name, shape, fn, tol] of cases) {
    it(`matches ${name}`, () => {
      const t = seededInit(shape, fn);
      expect(t.shape).toEqual(torchInit.inits[name].shape);
      expectClose(t, torchInit.inits[name].data, tol ?? 1e-6, (tol ?? 1e-6) / 10, name);
    });
  }

  it('gives the same numbers from an explicit generator', () => {
    const t = empty([3, 5]);
    uniform_(t, { a: -0.5, b: 2, generator: new Generator(0) });
    expectClose(t, torchInit.inits.uniform_.data, 1e-6, 1e-7);
  });

  it("matches PyTorch's calculate_gain", () => {
    for (const n of ['linear', 'conv2d', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu'] as Nonlinearity[]) {
      expect(calculateGain(n)).toBeCloseTo(torchInit.gains[n], 14);
    }
    expect(calculateGain('leakyRelu', 0.2)).toBeCloseTo(torchInit.gains['leaky_relu_0.2'], 14);
  });
});

describe('nn.init statistics (large samples against the formulas)', () => {
  const shape = [256, 128, 3];
  const [fanIn, fanOut] = [128 * 3, 256 * 3];

  it('uniform_ and kaimingUniform_ stay within their bounds with the uniform std', () => {
    const u = stats(uniform_(empty(shape), { a: -1, b: 3 }));
    expect(u.min).toBeGreaterThanOrEqual(-1);
    expect(u.max).toBeLessThan(3);
    expect(u.mean).toBeCloseTo(1, 1);
    expect(u.std).toBeCloseTo(4 / Math.sqrt(12), 2);
    const bound = calculateGain('leaky_relu', Math.sqrt(5)) * Math.sqrt(3 / fanIn);
    const k = stats(kaimingUniform_(empty(shape), { a: Math.sqrt(5) }));
    expect(k.min).toBeGreaterThanOrEqual(-bound);
    expect(k.max).toBeLessThanOrEqual(bound);
    expect(k.max).toBeGreaterThan(bound * 0.99);
    expect(k.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 2);
  });

  it('normal initialisers have the formula std', () => {
    const x = stats(xavierNormal_(empty(shape), { gain: 3 }));
    expect(x.mean).toBeCloseTo(0, 2);
    expect(x.std / (3 * Math.sqrt(2 / (fanIn + fanOut)))).toBeCloseTo(1, 1);
    const k = stats(kaimingNormal_(empty(shape), { mode: 'fan_out', nonlinearity: 'tanh' }));
    expect(k.std / ((5 / 3) / Math.sqrt(fanOut))).toBeCloseTo(1, 1);
    const xu = stats(xavierUniform_(empty(shape)));
    expect(xu.max).toBeLessThanOrEqual(Math.sqrt(6 / (fanIn + fanOut)));
  });

  it('truncNormal_ stays within [a, b] with the truncated moments', () => {
    const t = stats(truncNormal_(empty(shape), { mean: 0, std: 1, a: -1, b: 1 }));
    expect(t.min).toBeGreaterThanOrEqual(-1);
    expect(t.max).toBeLessThanOrEqual(1);
    // Var of N(0,1) truncated to [-1, 1]: 1 - 2 φ(1) / (2Φ(1) - 1) = 0.29112
    expect(t.std).toBeCloseTo(Math.sqrt(0.29112), 2);
  });

  it('orthogonal_ gives orthonormal rows or columns', () => {
    for (const s of [[4, 9], [9, 4]]) {
      const q = orthogonal_(empty(s));
      const gram = s[0] < s[1] ? tf.matMul(q._value, q._value, false, true) : tf.matMul(q._value, q._value, true, false);
      const n = Math.min(s[0], s[1]);
      expectClose(Array.from(gram.dataSync()), Array.from(tf.eye(n).dataSync()), 0, 1e-5);
    }
  });

  it('sparse_ zeroes the requested fraction of every column', () => {
    const t = sparse_(empty([10, 6]), 0.3);
    const v = t.dataSync();
    for (let c = 0; c < 6; c++) {
      let zeros = 0;
      for (let r = 0; r < 10; r++) if (v[r * 6 + c] === 0) zeros++;
      expect(zeros).toBe(3);
    }
  });
});

describe('nn.init constants', () => {
  it('fills constants, ones and zeros and bumps the version', () => {
    const t = tensor([1, 2, 3], { requiresGrad: true });
    const v = t._version;
    expect(Array.from(constant_(t, 0.5).dataSync())).toEqual([0.5, 0.5, 0.5]);
    expect(t._version).toBe(v + 1);
    expect(t.requiresGrad).toBe(true);
    expect(Array.from(ones_(t).dataSync())).toEqual([1, 1, 1]);
    expect(Array.from(zeros_(t).dataSync())).toEqual([0, 0, 0]);
  });
});

describe('nn.init errors', () => {
  it('names the function and the problem', () => {
    expect(() => calculateFanInAndFanOut(empty([3]))).toThrowError(
      new ValueError('calculateFanInAndFanOut: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape [3])'),
    );
    expect(() => xavierUniform_(empty([3]))).toThrowError('xavierUniform_: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape [3])');
    expect(() => kaimingNormal_(empty([2, 2]), { mode: 'fan_avg' as 'fanIn' })).toThrowError('kaimingNormal_: Mode fan_avg not supported, please use one of fanIn, fanOut');
    expect(() => calculateGain('softmax' as Nonlinearity)).toThrowError('calculateGain: Unsupported nonlinearity softmax');
    expect(() => calculateGain('leaky_relu', Number.NaN)).toThrowError('calculateGain: negative_slope NaN not a valid number');
    expect(() => eye_(empty([2, 2, 2]))).toThrowError('eye_: Only tensors with 2 dimensions are supported (got shape [2, 2, 2])');
    expect(() => dirac_(empty([2, 2]))).toThrowError('dirac_: Only tensors with 3, 4, or 5 dimensions are supported (got shape [2, 2])');
    expect(() => dirac_(empty([3, 2, 3]), { groups: 2 })).toThrowError('dirac_: dim 0 (3) is not divisible by groups (2)');
    expect(() => orthogonal_(empty([4]))).toThrowError('orthogonal_: Only tensors with 2 or more dimensions are supported (got shape [4])');
    expect(() => sparse_(empty([2, 2, 2]), 0.1)).toThrowError('sparse_: Only tensors with 2 dimensions are supported (got shape [2, 2, 2])');
    expect(() => uniform_(empty([2]), { a: 1, b: 0 })).toThrowError('uniform_: expects a <= b, but found a=1 > b=0');
    expect(() => normal_(empty([2]), { std: -1 })).toThrowError('normal_: expects std >= 0.0, but found std -1');
    expect(() => truncNormal_(empty([2]), { a: 1, b: 0 })).toThrowError('truncNormal_: expects a < b, got a=1, b=0');
    expect(() => uniform_(tensor([1], { dtype: 'int32' }))).toThrowError(DTypeError);
    expect(() => uniform_(tensor([1], { dtype: 'int32' }))).toThrowError('uniform_: expected a float32 tensor, got dtype int32');
    expect(() => zeros_([1] as unknown as Tensor)).toThrowError('zeros_: expected a Tensor, got object');
  });

  it('leaves empty tensors alone in the Kaiming initialisers', () => {
    expect(kaimingUniform_(empty([0, 3])).shape).toEqual([0, 3]);
    expect(kaimingNormal_(empty([3, 0])).shape).toEqual([3, 0]);
  });
});
