// The fused optimizer steps a backend may register (@dl/backend-native's `DlSgdStep`,
// `DlAdamStep`) against the portable tfjs path, on the same backend: several steps of SGD,
// Adam and AdamW with each option, parameters and state compared bit for bit. On backends
// without them both runs take the portable path (and the kernels must be reported missing).
import { describe, expect, it } from 'vitest';
import { uniform } from '../../test/support/functional-fixtures';
import { setOptionalKernelsEnabled } from '../backend/optional-kernels';
import { tf } from '../backend/tfjs';
import { tensor } from '../ops/creation/tensor';
import { Tensor } from '../tensor/tensor';
import { Adam } from './adam';
import { AdamW } from './adamw';
import { FUSED_STEP_KERNELS, type Optimizer } from './optimizer';
import { SGD } from './sgd';

const native = tf.getBackend() === 'native';

// Shapes: small, one big enough to be split over threads, a scalar and an empty one.
const SHAPES = [[3, 4], [70001], [], [2, 0]];

type Make = (params: Tensor[]) => Optimizer<object>;

interface Snapshot {
  params: Float32Array[];
  state: Record<string, Float32Array | number>[];
}

function bits(t: Tensor): Float32Array {
  return Float32Array.from(t._value.dataSync() as Float32Array);
}

/** Runs `steps` steps of the optimizer `make` builds (fused or not) and returns parameters and state. */
function run(fused: boolean, make: Make, steps = 4, tweak?: (opt: Optimizer<object>, step: number) => void): Snapshot {
  const prev = setOptionalKernelsEnabled(fused);
  try {
    const params = SHAPES.map((s, i) => uniform(s, 3 + i));
    const opt = make(params);
    for (let k = 0; k < steps; k++) {
      tweak?.(opt, k);
      params.forEach((p, i) => {
        // The small parameter misses its gradient on the third step.
        p.grad = k === 2 && i === 0 ? null : uniform(p.shape, 100 + 10 * k + i, false, 2);
      });
      opt.step();
    }
    const state = params.map((p) => {
      const out: Record<string, Float32Array | number> = {};
      for (const [key, v] of Object.entries(opt.state.get(p) ?? {})) out[key] = v instanceof Tensor ? bits(v) : v;
      return out;
    });
    return { params: params.map(bits), state };
  } finally {
    setOptionalKernelsEnabled(prev);
  }
}

/** Same values bit for bit (NaN matches NaN). */
function expectSameBits(got: Float32Array, want: Float32Array, what: string): void {
  expect(got.length, `${what} length`).toBe(want.length);
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  for (let i = 0; i < g.length; i++) {
    if (g[i] !== w[i] && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) expect.fail(`${what} element ${i}: fused ${got[i]}, portable ${want[i]}`);
  }
}

function expectSame(make: Make, tweak?: (opt: Optimizer<object>, step: number) => void): void {
  const want = run(false, make, 4, tweak);
  const got = run(true, make, 4, tweak);
  want.params.forEach((w, i) => { expectSameBits(got.params[i], w, `param ${i}`); });
  want.state.forEach((w, i) => {
    expect(Object.keys(got.state[i]).sort(), `state keys of param ${i}`).toEqual(Object.keys(w).sort());
    for (const [key, v] of Object.entries(w)) {
      const g = got.state[i][key];
      if (typeof v === 'number') expect(g, `state ${key} of param ${i}`).toBe(v);
      else expectSameBits(g as Float32Array, v, `state ${key} of param ${i}`);
    }
  });
}

const SGD_CASES: [string, Make][] = [
  ['plain', (ps) => new SGD(ps, { lr: 0.1 })],
  ['weight decay, maximize', (ps) => new SGD(ps, { lr: 0.1, weightDecay: 0.03, maximize: true })],
  ['momentum', (ps) => new SGD(ps, { lr: 0.05, momentum: 0.9 })],
  ['momentum, dampening, weight decay', (ps) => new SGD(ps, { lr: 0.05, momentum: 0.7, dampening: 0.3, weightDecay: 1e-4 })],
  ['nesterov, weight decay, maximize', (ps) => new SGD(ps, { lr: 0.01, momentum: 0.9, nesterov: true, weightDecay: 5e-4, maximize: true })],
];

const ADAM_CASES: [string, Make][] = [
  ['Adam', (ps) => new Adam(ps, { lr: 0.01 })],
  ['Adam, weight decay, amsgrad', (ps) => new Adam(ps, { lr: 0.01, weightDecay: 0.1, amsgrad: true, betas: [0.8, 0.99] })],
  ['Adam, maximize, eps', (ps) => new Adam(ps, { lr: 3e-3, maximize: true, eps: 1e-3 })],
  ['AdamW', (ps) => new AdamW(ps, { lr: 0.01 })],
  ['AdamW, amsgrad, maximize', (ps) => new AdamW(ps, { lr: 0.02, weightDecay: 0.05, amsgrad: true, maximize: true })],
  ['AdamW, no weight decay', (ps) => new AdamW(ps, { lr: 0.02, weightDecay: 0 })],
];

describe('fused optimizer steps (when the backend has them)', () => {
  for (const [name, make] of SGD_CASES) {
    it(`SGD (${name}) gives the portable path's bits over several steps`, () => { expectSame(make); });
  }
  for (const [name, make] of ADAM_CASES) {
    it(`${name} gives the portable path's bits over several steps`, () => { expectSame(make); });
  }

  it('follow option changes between steps (lr schedule, momentum switched off)', () => {
    expectSame(
      (ps) => new SGD(ps, { lr: 0.1, momentum: 0.9 }),
      (opt, k) => {
        opt.paramGroups[0].lr = 0.1 / (k + 1);
        if (k === 3) opt.paramGroups[0].momentum = 0;
      },
    );
    expectSame(
      (ps) => new AdamW(ps, { lr: 0.01 }),
      (opt, k) => { opt.paramGroups[0].lr = 0.01 * 0.5 ** k; },
    );
  });

  it('keep the portable path for state of another shape (a loaded scalar buffer)', () => {
    const once = (fused: boolean) => {
      const prev = setOptionalKernelsEnabled(fused);
      try {
        const p = tensor([1, 2, 3], { requiresGrad: true });
        const opt = new SGD([p], { lr: 0.1, momentum: 0.5 });
        opt.loadStateDict({ state: { 0: { momentum_buffer: tensor([0.25]) } }, param_groups: [{ lr: 0.1, momentum: 0.5, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, params: [0] }] });
        p.grad = tensor([0.5, -1, 2]);
        opt.step();
        return bits(p);
      } finally {
        setOptionalKernelsEnabled(prev);
      }
    };
    expectSameBits(once(true), once(false), 'param');
  });

  it('run the fused kernels exactly when the backend has them', async () => {
    const kernelsOf = async (make: Make) => {
      const p = uniform([4, 5], 1);
      const opt = make([p]);
      p.grad = uniform([4, 5], 2, false);
      opt.step();
      p.grad = uniform([4, 5], 3, false);
      const before = tf.memory().numTensors;
      const info = await tf.profile(() => { opt.step(); });
      expect(tf.memory().numTensors, 'no tensors leaked').toBe(before);
      return info.kernelNames;
    };
    expect((await kernelsOf((ps) => new SGD(ps, { lr: 0.1, momentum: 0.9 }))).includes(FUSED_STEP_KERNELS.sgd)).toBe(native);
    expect((await kernelsOf((ps) => new AdamW(ps, { lr: 0.1, amsgrad: true }))).includes(FUSED_STEP_KERNELS.adam)).toBe(native);
    const prev = setOptionalKernelsEnabled(false);
    try {
      expect(await kernelsOf((ps) => new SGD(ps, { lr: 0.1, momentum: 0.9 }))).not.toContain(FUSED_STEP_KERNELS.sgd);
    } finally {
      setOptionalKernelsEnabled(prev);
    }
  });

  it.runIf(native)('check their inputs before the addon runs (native only: other backends have no fused kernels)', () => {
    const run = (inputs: Record<string, tf.Tensor>, attrs: object) => () => tf.engine().runKernel(FUSED_STEP_KERNELS.sgd, inputs, attrs as never);
    const p = tf.ones([3, 2]);
    const errorName = (f: () => unknown) => {
      try {
        tf.tidy(() => { f(); });
      } catch (e) {
        return (e as Error).name;
      }
      return 'none';
    };
    expect(errorName(run({ param: p, grad: tf.ones([6]) }, { lr: 0.1 }))).toBe('NativeKernelError');
    expect(errorName(run({ param: p, grad: tf.ones([3, 2], 'int32') }, { lr: 0.1 }))).toBe('NativeKernelError');
    expect(errorName(run({ param: p }, { lr: 0.1 }))).toBe('NativeKernelError');
    expect(errorName(run({ param: p, grad: p }, {}))).toBe('NativeKernelError');
    expect(errorName(run({ param: p, grad: p, momentumBuffer: tf.ones([2, 3]) }, { lr: 0.1, momentum: 0.9 }))).toBe('NativeKernelError');
    const adam = (inputs: Record<string, tf.Tensor>, attrs: object) => () => tf.engine().runKernel(FUSED_STEP_KERNELS.adam, inputs, attrs as never);
    const hyper = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    expect(errorName(adam({ param: p, grad: p }, { ...hyper, step: 0 }))).toBe('NativeKernelError');
    expect(errorName(adam({ param: p, grad: p, expAvg: tf.ones([3]) }, { ...hyper, step: 1 }))).toBe('NativeKernelError');
    expect(errorName(adam({ param: p, grad: p }, { ...hyper, step: 1 }))).toBe('none');
  });
});
