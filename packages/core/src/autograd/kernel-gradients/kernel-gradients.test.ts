import { describe, expect, it, vi } from 'vitest';
import { tf } from '../../backend/tfjs';
// The package entry also installs the Tensor methods (`sum`, `backward`, ...).
import { AutogradError, Tensor, gradcheck } from '../../index';
import { kernelOp } from '../run-op';
import { getKernelGradient, kernelGradientNames } from './index';

type Range = 'general' | 'positive' | 'unit' | 'awayFromZero' | 'nearOne';

/** Deterministic values in a range: away from kinks and inside each kernel's domain. */
function values(n: number, range: Range, seed: number): number[] {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32; // [0, 1)
    if (range === 'general') out.push(-1.5 + 3 * u);
    else if (range === 'positive') out.push(0.3 + 1.7 * u);
    else if (range === 'unit') out.push(-0.8 + 1.6 * u);
    else if (range === 'nearOne') out.push((u < 0.5 ? -1 : 1) * (0.6 + 0.8 * ((2 * u) % 1)));
    else out.push((u < 0.5 ? -1 : 1) * (0.2 + 1.3 * ((2 * u) % 1)));
  }
  return out;
}

let seed = 1;
function input(shape: number[], range: Range = 'general', requiresGrad = true): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const t = Tensor._owned(tf.tensor(values(n, range, seed++), shape, 'float32'));
  t.requiresGrad_(requiresGrad);
  return t;
}

interface Case {
  kernel: string;
  what: string;
  names: string[];
  make: () => Tensor[];
  attrs?: tf.NamedAttrMap;
}

const unary = (kernel: string, range: Range, attrs?: tf.NamedAttrMap, shape = [2, 3], what = `[${shape}]`): Case => ({
  kernel,
  what,
  names: ['x'],
  make: () => [input(shape, range)],
  attrs,
});

const binary = (kernel: string, sa: number[], sb: number[], ra: Range = 'general', rb: Range = 'general'): Case => ({
  kernel,
  what: `[${sa}] and [${sb}]`,
  names: ['a', 'b'],
  make: () => [input(sa, ra), input(sb, rb)],
});

const CASES: Case[] = [
  // Elementwise unary kernels.
  ...(['Identity', 'Neg', 'Square', 'Exp', 'Expm1', 'Tanh', 'Sigmoid', 'Sin', 'Cos', 'Sinh', 'Cosh', 'Erf', 'Atan'] as const).map((k) => unary(k, 'general')),
  ...(['Log', 'Log1p', 'Sqrt', 'Rsqrt', 'Reciprocal'] as const).map((k) => unary(k, 'positive')),
  ...(['Tan', 'Asin', 'Acos'] as const).map((k) => unary(k, 'unit')),
  ...(['Relu', 'Selu', 'Sign'] as const).map((k) => unary(k, 'awayFromZero')),
  unary('LeakyRelu', 'awayFromZero', { alpha: 0.3 }, [2, 3], 'alpha 0.3'),
  unary('LeakyRelu', 'awayFromZero', { alpha: 0.01 }, [4], 'alpha 0.01'),
  unary('Cast', 'general', { dtype: 'float32' }, [2, 3], 'float32 to float32'),
  // Shape kernels.
  unary('Reshape', 'general', { shape: [4, 6] }, [2, 3, 4], '[2,3,4] to [4,6]'),
  unary('Reshape', 'general', { shape: [] }, [1, 1], 'to a scalar'),
  unary('Transpose', 'general', { perm: [2, 0, 1] }, [2, 3, 4], 'perm [2,0,1]'),
  unary('Transpose', 'general', { perm: [1, 0] }, [3, 2], 'perm [1,0]'),
  unary('Slice', 'general', { begin: [1, 0, 2], size: [2, -1, 2] }, [3, 2, 5], 'begin [1,0,2] size [2,-1,2]'),
  unary('Slice', 'general', { begin: 1, size: 2 }, [4, 3], 'number begin and size'),
  unary('Reverse', 'general', { dims: [0, 2] }, [2, 3, 2], 'dims [0,2]'),
  unary('Reverse', 'general', { dims: [-1] }, [2, 3], 'dims [-1]'),
  unary('Cumsum', 'general', { axis: 1, exclusive: false, reverse: false }, [3, 4], 'axis 1'),
  unary('Cumsum', 'general', { axis: 1, exclusive: true, reverse: true }, [3, 4], 'axis 1 exclusive reverse'),
  unary('Cumsum', 'general', { axis: 0, exclusive: true, reverse: false }, [3, 4], 'axis 0 exclusive'),
  unary('Cumsum', 'general', { axis: 0, exclusive: false, reverse: true }, [3, 2], 'axis 0 reverse'),
  // Reductions.
  unary('Sum', 'general', { axis: [1], keepDims: false }, [3, 4], 'axis [1]'),
  unary('Sum', 'general', { axis: [0, 2], keepDims: true }, [2, 3, 2], 'axis [0,2] keepDims'),
  unary('Sum', 'general', { axis: -1, keepDims: false }, [2, 3], 'axis -1'),
  unary('Sum', 'general', { axis: [0, 1], keepDims: false }, [2, 3], 'all axes'),
  unary('Mean', 'general', { axis: [1], keepDims: false }, [3, 4], 'axis [1]'),
  unary('Mean', 'general', { axis: [0, 2], keepDims: true }, [2, 3, 2], 'axis [0,2] keepDims'),
  unary('Mean', 'general', { axis: [0, 1], keepDims: false }, [2, 3], 'all axes'),
  unary('Prod', 'nearOne', { axis: [1], keepDims: false }, [3, 4], 'axis [1]'),
  unary('Prod', 'nearOne', { axis: [0, 2], keepDims: true }, [2, 3, 2], 'axis [0,2] keepDims'),
  unary('Prod', 'nearOne', { axis: [0, 1], keepDims: false }, [2, 3], 'all axes'),
  {
    kernel: 'Prod',
    what: 'zeros in the input',
    names: ['x'],
    make: () => [Tensor._owned(tf.tensor([[0.5, 0, 1.5, -0.7], [0, 1.2, 0, 0.9], [1.1, -0.8, 0.6, 1.3]], [3, 4])).requiresGrad_()],
    attrs: { axis: [1], keepDims: false },
  },
  // Binary kernels, with and without broadcasting.
  ...(['Add', 'Sub', 'Multiply', 'Atan2'] as const).flatMap((k) => [binary(k, [2, 3], [2, 3], 'awayFromZero', 'awayFromZero'), binary(k, [2, 3], [3], 'awayFromZero', 'awayFromZero'), binary(k, [1, 3], [2, 1], 'awayFromZero', 'awayFromZero')]),
  binary('RealDiv', [2, 3], [2, 3], 'general', 'awayFromZero'),
  binary('RealDiv', [2, 3], [2, 1], 'general', 'awayFromZero'),
  binary('RealDiv', [3], [2, 3], 'general', 'awayFromZero'),
];

// Matrix products: every transpose combination, with and without broadcast batch dimensions.
for (const [transposeA, transposeB] of [[false, false], [false, true], [true, false], [true, true]]) {
  const mat = (rows: number, cols: number, t: boolean) => (t ? [cols, rows] : [rows, cols]);
  CASES.push({
    kernel: 'BatchMatMul',
    what: `2-D, transposeA ${transposeA}, transposeB ${transposeB}`,
    names: ['a', 'b'],
    make: () => [input(mat(2, 3, transposeA)), input(mat(3, 4, transposeB))],
    attrs: { transposeA, transposeB },
  });
  // tfjs's kernel broadcasts a batch against a 2-D operand or a batch of one (not [2, 1] with [3]).
  CASES.push({
    kernel: 'BatchMatMul',
    what: `batch with 2-D, transposeA ${transposeA}, transposeB ${transposeB}`,
    names: ['a', 'b'],
    make: () => [input([3, ...mat(2, 3, transposeA)]), input(mat(3, 2, transposeB))],
    attrs: { transposeA, transposeB },
  });
  CASES.push({
    kernel: 'BatchMatMul',
    what: `batch of one with a batch, transposeA ${transposeA}, transposeB ${transposeB}`,
    names: ['a', 'b'],
    make: () => [input([1, ...mat(2, 3, transposeA)]), input([3, ...mat(3, 2, transposeB)])],
    attrs: { transposeA, transposeB },
  });
}
CASES.push({
  kernel: 'BatchMatMul',
  what: 'equal batch dims [2,2]',
  names: ['a', 'b'],
  make: () => [input([2, 2, 2, 3]), input([2, 2, 3, 2])],
  attrs: { transposeA: false, transposeB: false },
});

/** Kernels with a bool output: never recorded, their entries give zero gradients. */
const COMPARISONS = ['Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less', 'LessEqual'];

function run(c: Case, ts: Tensor[]): Tensor {
  const inputs: Record<string, Tensor> = {};
  c.names.forEach((n, i) => (inputs[n] = ts[i]));
  return kernelOp(c.kernel, inputs, c.attrs);
}

describe('kernel gradients', () => {
  it('cover every kernel of the table in these tests', () => {
    const tested = new Set([...CASES.map((c) => c.kernel), ...COMPARISONS]);
    expect(kernelGradientNames().filter((k) => !tested.has(k))).toEqual([]);
    expect([...tested].filter((k) => !getKernelGradient(k))).toEqual([]);
  });

  it('cover every kernel @dl/core runs through kernelOp', () => {
    const used = ['Reshape', 'Identity', 'Transpose', 'Relu', 'Multiply', 'Exp', 'Tanh', 'Tan', 'Sum', 'Sub', 'Square', 'Sqrt', 'Slice', 'Sinh', 'Sin', 'Sign', 'Sigmoid', 'Selu', 'Rsqrt', 'Reverse', 'Reciprocal', 'RealDiv', 'Prod', 'NotEqual', 'Neg', 'Mean', 'Log1p', 'Log', 'LeakyRelu', 'Expm1', 'Erf', 'Cumsum', 'Cosh', 'Cos', 'Cast', 'BatchMatMul', 'Atan2', 'Atan', 'Asin', 'Add', 'Acos', ...COMPARISONS];
    expect(used.filter((k) => !getKernelGradient(k))).toEqual([]);
  });

  for (const c of CASES) {
    it(`pass gradcheck: ${c.kernel} (${c.what})`, () => {
      const ts = c.make();
      expect(gradcheck((...xs) => run(c, xs), ts)).toBe(true);
      // Each input alone: the others' gradients are not needed (and not computed).
      if (ts.length > 1) {
        for (let i = 0; i < ts.length; i++) {
          const only = ts.map((t, j) => (j === i ? t : t.detach()));
          expect(gradcheck((...xs) => run(c, xs), only), `input ${c.names[i]} alone`).toBe(true);
        }
      }
    });
  }

  it('give zeros for comparisons, whose bool outputs record no backward', () => {
    const a = input([2, 3]);
    const b = input([3]);
    for (const k of COMPARISONS) {
      const out = kernelOp(k, { a, b });
      expect(out.dtype, k).toBe('bool');
      expect(out.requiresGrad, k).toBe(false);
      const cfg = getKernelGradient(k)!;
      const dy = tf.ones([2, 3]);
      const [ga, gb] = cfg.gradFunc(dy, [], { attrs: {}, needs: [true, false], inputShapes: [a.shape, b.shape], inputDtypes: ['float32', 'float32'] });
      expect(gb, k).toBeNull();
      expect(ga!.shape, k).toEqual([2, 3]);
      expect(Array.from(ga!.dataSync()), k).toEqual([0, 0, 0, 0, 0, 0]);
      tf.dispose([dy, ga!]);
    }
  });

  it('give Sign zero gradients, as PyTorch', () => {
    const x = input([4], 'awayFromZero');
    kernelOp('Sign', { x }).sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 0, 0, 0]);
  });

  it('stop at a Cast to an integer dtype', () => {
    const x = input([3]);
    const y = kernelOp('Cast', { x }, { dtype: 'int32' });
    expect(y.dtype).toBe('int32');
    expect(y.requiresGrad).toBe(false);
  });

  it('pass only the needed inputs to the gradient function', () => {
    const cfg = getKernelGradient('Multiply')!;
    const spy = vi.spyOn(cfg, 'gradFunc');
    try {
      const a = input([2, 3], 'general', false);
      const b = input([3]);
      kernelOp('Multiply', { a, b }).sum().backward();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][2].needs).toEqual([false, true]);
      expect(spy.mock.results[0].value[0]).toBeNull();
      expect(a.grad).toBeNull();
      expect(b.grad!.shape).toEqual([3]);
    } finally {
      spy.mockRestore();
    }
  });

  it('map gradients by input name, whatever order kernelOp gets them in', () => {
    const a = Tensor._owned(tf.tensor([6, 8])).requiresGrad_();
    const b = Tensor._owned(tf.tensor([2, 4])).requiresGrad_();
    kernelOp('RealDiv', { b, a }).sum().backward();
    expect(a.grad!.tolist()).toEqual([0.5, 0.25]);
    expect(b.grad!.tolist()).toEqual([-1.5, -0.5]);
  });

  it('save no input that is only needed for its shape', () => {
    // PyTorch allows this too: sum's backward keeps the shape, not the values.
    const x = input([2, 3]);
    const h = kernelOp('Multiply', { a: x, b: Tensor._owned(tf.scalar(2)) });
    const y = kernelOp('Sum', { x: h }, { axis: [0, 1], keepDims: false });
    h._replaceValue(tf.clone(h._value));
    y.backward();
    expect(x.grad!.tolist()).toEqual([[2, 2, 2], [2, 2, 2]]);
  });

  it('keep the "not implemented" error for a kernel outside the table', () => {
    expect(getKernelGradient('Floor')).toBeUndefined();
    const x = input([3]);
    const y = kernelOp('Floor', { x });
    expect(y.requiresGrad).toBe(true);
    expect(() => y.sum().backward()).toThrow(AutogradError);
    expect(() => kernelOp('Floor', { x }).sum().backward()).toThrow("the derivative for 'Floor' is not implemented");
    // Without an input that requires grad, nothing is recorded and nothing throws.
    expect(kernelOp('Floor', { x: x.detach() }).requiresGrad).toBe(false);
  });
});
