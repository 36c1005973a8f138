import { describe, expect, it } from 'vitest';
import * as dl from '../index';
import { tf } from '../backend/tfjs';
import { HOST_KERNELS } from './host-kernels';
import { HOST_MAX_ELEMENTS } from './host-value';
import type { Tensor } from './tensor';

// Small tensors made from JavaScript data keep their values on the JavaScript heap, and the
// common ops on them run there (tensor/host-kernels.ts). These tests hold the host path to the
// backend's own kernels, and check what users rely on: values, sharing, memory and autograd.

const isHost = (t: Tensor) => t._h !== null && t._tf === null;
const backendIsCpu = () => dl.getBackend() === 'cpu';

function randomData(n: number, seed: number, kind: 'float' | 'int' | 'bool'): number[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () => (kind === 'float' ? (next() - 0.5) * 8 : kind === 'int' ? Math.floor((next() - 0.5) * 40) : next() < 0.5 ? 1 : 0));
}

/** Runs kernel `name` through tfjs on the backend, on the same values. */
function onBackend(name: string, inputs: Record<string, Tensor>, attrs: Record<string, unknown> = {}) {
  const raw: Record<string, ReturnType<typeof tf.tensor>> = {};
  for (const [k, v] of Object.entries(inputs)) raw[k] = tf.tensor(v._h!.slice(), v._shape, v._dtype);
  const out = tf.engine().runKernel(name, raw, attrs as never) as ReturnType<typeof tf.tensor>;
  const r = { data: Array.from(out.dataSync()), shape: out.shape, dtype: out.dtype };
  out.dispose();
  for (const v of Object.values(raw)) v.dispose();
  return r;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, exact: boolean, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    const g = got[i];
    const w = want[i];
    if (Number.isNaN(w)) expect(Number.isNaN(g), `${what}[${i}]`).toBe(true);
    else if (exact || !Number.isFinite(w)) expect(g, `${what}[${i}]`).toBe(w);
    else expect(Math.abs(g - w), `${what}[${i}] ${g} vs ${w}`).toBeLessThanOrEqual(2e-7 * Math.max(1, Math.abs(w)));
  }
}

describe('host tensors', () => {
  it('are what dl.tensor makes for small data, and need no TensorFlow.js memory', () => {
    const before = tf.memory().numTensors;
    const ts = [dl.tensor([1, 2, 3]), dl.tensor([[1, 2], [3, 4]], { dtype: 'int64' }), dl.tensor([true, false]), dl.tensor(5)];
    expect(ts.every(isHost)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(ts.map((t) => [t.shape, t.dtype])).toEqual([
      [[3], 'float32'],
      [[2, 2], 'int32'],
      [[2], 'bool'],
      [[], 'float32'],
    ]);
    expect(ts[1].tolist()).toEqual([[1, 2], [3, 4]]);
    expect(ts[2].tolist()).toEqual([true, false]);
    expect(ts[3].item()).toBe(5);
    expect(isHost(dl.tensor(new Float32Array(HOST_MAX_ELEMENTS + 1)))).toBe(false);
  });

  it('copy the caller typed array, and dataSync returns a copy the caller may change', () => {
    const src = new Float32Array([1, 2, 3]);
    const t = dl.tensor(src);
    src[0] = 100;
    expect(t.tolist()).toEqual([1, 2, 3]);
    const read = t.dataSync();
    read[1] = -1;
    expect(t.tolist()).toEqual([1, 2, 3]);
    const r = t.reshape([3, 1]);
    expect(r.tolist()).toEqual([[1], [2], [3]]);
    expect(isHost(r)).toBe(true);
  });

  it('give the same values as the backend kernel for every host kernel, with broadcasting', () => {
    const shapes: [number[], number[]][] = [
      [[7], [7]],
      [[3, 4], []],
      [[], [2, 5]],
      [[2, 3, 4], [3, 1]],
      [[4, 1], [1, 6]],
      [[2, 1, 3], [2, 4, 1]],
    ];
    const unaryNames = ['Neg', 'Abs', 'Square', 'Relu', 'Exp', 'Log', 'Sqrt', 'Rsqrt', 'Reciprocal', 'Sigmoid', 'Tanh', 'Sin', 'Cos', 'Floor', 'Ceil', 'Log1p', 'Expm1'];
    const binaryNames = ['Add', 'Sub', 'Multiply', 'RealDiv', 'Maximum', 'Minimum', 'Pow', 'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual'];
    const exact = backendIsCpu();
    let seed = 1;
    for (const name of binaryNames) {
      for (const [sa, sb] of shapes) {
        for (const kind of ['float', 'int'] as const) {
          if ((name === 'RealDiv' || name === 'Pow') && kind === 'int') continue;
          const na = sa.reduce((p, d) => p * d, 1);
          const nb = sb.reduce((p, d) => p * d, 1);
          const dtype = kind === 'float' ? 'float32' : 'int32';
          const a = dl.tensor(randomData(na, seed++, kind), { dtype }).reshape(sa);
          const b = dl.tensor(randomData(nb, seed++, kind), { dtype }).reshape(sb);
          const host = HOST_KERNELS[name]({ a, b }, {});
          expect(host, `${name} ${kind}`).not.toBeNull();
          const want = onBackend(name, { a, b });
          expect([host!.shape, host!.dtype], name).toEqual([want.shape, want.dtype]);
          // Integer results are exact on every backend; float ones match tfjs-cpu bit for bit.
          expectClose(host!.data, want.data, exact || kind === 'int' || want.dtype === 'bool', `${name} ${kind} ${sa}/${sb}`);
        }
      }
    }
    for (const [name, kinds] of [
      ['LogicalAnd', ['bool']],
      ['LogicalOr', ['bool']],
    ] as const) {
      for (const kind of kinds) {
        const a = dl.tensor(randomData(6, seed++, kind).map(Boolean)).reshape([2, 3]);
        const b = dl.tensor(randomData(3, seed++, kind).map(Boolean));
        const host = HOST_KERNELS[name]({ a, b }, {});
        const want = onBackend(name, { a, b });
        expect(Array.from(host!.data), name).toEqual(want.data);
      }
    }
    for (const name of unaryNames) {
      const x = dl.tensor(randomData(12, seed++, 'float').map((v) => (['Log', 'Sqrt', 'Rsqrt'].includes(name) ? Math.abs(v) + 0.01 : v))).reshape([3, 4]);
      const host = HOST_KERNELS[name]({ x }, {});
      const want = onBackend(name, { x });
      expect(host!.shape, name).toEqual(want.shape);
      // Transcendental functions of tfjs-wasm (XNNPACK) may differ from JavaScript's in the last bits.
      expectClose(host!.data, want.data, exact && !['Exp', 'Expm1', 'Log', 'Log1p', 'Sigmoid', 'Tanh', 'Sin', 'Cos'].includes(name) ? true : exact, name);
    }
    for (const [from, kind] of [
      ['float32', 'float'],
      ['int32', 'int'],
    ] as const) {
      for (const to of ['float32', 'int32', 'bool'] as const) {
        const x = dl.tensor(randomData(9, seed++, kind), { dtype: from });
        const host = HOST_KERNELS.Cast({ x }, { dtype: to });
        const want = onBackend('Cast', { x }, { dtype: to });
        if (to === 'bool' && dl.getBackend() === 'wasm') continue; // tfjs-wasm's Cast to bool is wrong (see castTo).
        expect(Array.from(host!.data), `${from}->${to}`).toEqual(want.data);
      }
    }
  });

  it('run the dl ops on the host and agree with the same ops on backend tensors', () => {
    const a = dl.tensor([[0.5, -1.5, 2], [3, -4, 0.25]]);
    const b = dl.tensor([2, -0.5, 4]);
    const big = (t: Tensor) => dl.tensor(t.dataSync()).reshape(t.shape).sum(0, { keepdim: true }).mul(0).add(t);
    const aa = big(a);
    const bb = big(b);
    expect(isHost(aa)).toBe(false);
    const cases: [string, (x: Tensor, y: Tensor) => Tensor][] = [
      ['add alpha', (x, y) => x.add(y, { alpha: 2 })],
      ['sub', (x, y) => x.sub(y)],
      ['mul then div', (x, y) => x.mul(y).div(y.add(10))],
      ['relu/sigmoid', (x, y) => x.relu().add(y.sigmoid())],
      ['compare', (x, y) => x.gt(y).logicalOr(x.eq(0.25))],
      ['cast', (x, y) => x.mul(y).long()],
      ['stack/cat', (x, y) => dl.cat([dl.stack([x.select(0, 0), y], 1), dl.stack([x.select(0, 1), y], 1)], 0)],
      ['view', (x) => x.view([3, 2]).unsqueeze(0).flatten()],
    ];
    for (const [what, f] of cases) {
      const host = f(a, b);
      const backend = f(aa, bb);
      expect(host.shape, what).toEqual(backend.shape);
      expect(host.dtype, what).toBe(backend.dtype);
      expectClose(host.dataSync(), backend.dataSync(), backendIsCpu() || host.dtype !== 'float32', what);
    }
  });

  it('record autograd history and backpropagate like backend tensors', () => {
    const x = dl.tensor([0.5, -1, 2], { requiresGrad: true });
    const w = dl.tensor([1.5, 2, -0.5], { requiresGrad: true });
    const y = x.mul(w).add(1).sigmoid().sum();
    expect(isHost(x.mul(w).detach())).toBe(true);
    y.backward();
    const s = [0.5 * 1.5, -2, -1].map((v) => 1 / (1 + Math.exp(-(v + 1))));
    expectClose(x.grad!.dataSync(), s.map((v, i) => v * (1 - v) * [1.5, 2, -0.5][i]), false, 'dx');
    expectClose(w.grad!.dataSync(), s.map((v, i) => v * (1 - v) * [0.5, -1, 2][i]), false, 'dw');
    expect(dl.gradcheck((p, q) => p.mul(q).sub(q.square()).div(p.add(3)), [dl.tensor([0.3, 0.8], { requiresGrad: true }), dl.tensor([1.2, -0.4], { requiresGrad: true })])).toBe(true);
  });

  it('change in place like other tensors, bumping the version', () => {
    const t = dl.tensor([1, 4, 9]);
    const v = t._version;
    t.sqrt_();
    expect(t.tolist()).toEqual([1, 2, 3]);
    expect(t._version).toBe(v + 1);
    t.add_(dl.tensor([1, 1, 1]).sum());
    expect(t.tolist()).toEqual([4, 5, 6]);
    expect(t.mul(2).tolist()).toEqual([8, 10, 12]);
  });

  it('are freed by dispose() and by their scope, with a typed error on later use', () => {
    const t = dl.tensor([1, 2]);
    t.dispose();
    expect(t.isDisposed).toBe(true);
    expect(() => t.add(1)).toThrow(dl.ValueError);
    expect(() => t.tolist()).toThrow(/disposed/);
  });

  it('keep memory flat over 10,000 steps of small ops without awaiting', () => {
    const before = tf.memory().numTensors;
    let acc = dl.tensor([0, 0, 0, 0]);
    for (let i = 0; i < 10_000; i++) acc = acc.add(dl.tensor([1, 2, 3, 4])).mul(0.5);
    // acc -> (acc + c) / 2 converges to c.
    expect(acc.tolist()).toEqual([1, 2, 3, 4]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
