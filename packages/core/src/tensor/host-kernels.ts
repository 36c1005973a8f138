import type { NamedAttrMap } from '../backend/tfjs';
import type { DType } from './dtype';
import { HOST_MAX_ELEMENTS, hostArray, type HostArray, type HostValue } from './host-value';
import type { Tensor } from './tensor';

/**
 * @internal A kernel computed on the JavaScript heap for host tensors (see `host-value.ts`). It
 * returns null to decline (sizes or dtypes it does not handle), and the TensorFlow.js kernel
 * runs instead. Results follow tfjs-backend-cpu's arithmetic (float32 storage of JavaScript's
 * double results), so a host op and the cpu backend give the same bits.
 */
export type HostKernel = (inputs: Record<string, Tensor>, attrs: NamedAttrMap) => HostValue | null;

type Binary = (x: number, y: number) => number;

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The broadcast shape, or null when the shapes do not broadcast (the tfjs kernel reports it). */
function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i - n + a.length >= 0 ? a[i - n + a.length] : 1;
    const db = i - n + b.length >= 0 ? b[i - n + b.length] : 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Row-major strides of `shape` seen from an `out`-ranked shape, 0 along broadcast dimensions. */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const k = i + out.length - shape.length;
    strides[k] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  return strides;
}

function binaryInto(out: HostArray, a: HostArray, as: readonly number[], b: HostArray, bs: readonly number[], shape: readonly number[], f: Binary): void {
  const n = out.length;
  if (a.length === n && b.length === n) {
    for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
    return;
  }
  if (b.length === 1 && a.length === n) {
    const y = b[0];
    for (let i = 0; i < n; i++) out[i] = f(a[i], y);
    return;
  }
  if (a.length === 1 && b.length === n) {
    const x = a[0];
    for (let i = 0; i < n; i++) out[i] = f(x, b[i]);
    return;
  }
  // General broadcasting: walk the output with a counter per dimension.
  const rank = shape.length;
  const sa = broadcastStrides(as, shape);
  const sb = broadcastStrides(bs, shape);
  const idx = new Array<number>(rank).fill(0);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < n; i++) {
    out[i] = f(a[ia], b[ib]);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      ia += sa[d];
      ib += sb[d];
      if (idx[d] < shape[d]) break;
      ia -= sa[d] * shape[d];
      ib -= sb[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/**
 * A broadcasting binary kernel. `dtypes` are the input dtypes it serves (both inputs share one,
 * as @dl/core's ops promote before the kernel); `out` the result dtype (`'same'`: the inputs').
 */
function binary(f: Binary, dtypes: readonly DType[], out: DType | 'same' = 'same', intF?: Binary): HostKernel {
  return (inputs) => {
    const a = inputs.a;
    const b = inputs.b;
    if (a === undefined || b === undefined) return null;
    const dtype = a._dtype;
    if (b._dtype !== dtype || !dtypes.includes(dtype)) return null;
    const ad = a._h!;
    const bd = b._h!;
    const shape = sameShape(a._shape, b._shape) ? a._shape : broadcast(a._shape, b._shape);
    if (shape === null) return null;
    let n = 1;
    for (let i = 0; i < shape.length; i++) n *= shape[i];
    if (n > HOST_MAX_ELEMENTS) return null;
    const outDtype = out === 'same' ? dtype : out;
    const data = hostArray(outDtype, n);
    binaryInto(data, ad, a._shape, bd, b._shape, shape, dtype === 'int32' && intF ? intF : f);
    return { data, shape, dtype: outDtype };
  };
}

/** An elementwise kernel of one input (float32, or the listed dtypes too). */
function unary(f: (x: number) => number, dtypes: readonly DType[] = ['float32']): HostKernel {
  return (inputs) => {
    const x = inputs.x;
    if (x === undefined || !dtypes.includes(x._dtype)) return null;
    const src = x._h!;
    const data = hostArray(x._dtype, src.length);
    for (let i = 0; i < src.length; i++) data[i] = f(src[i]);
    return { data, shape: x._shape, dtype: x._dtype };
  };
}

const NUMERIC: readonly DType[] = ['float32', 'int32'];
const ANY: readonly DType[] = ['float32', 'int32', 'bool'];
const b = (v: boolean) => (v ? 1 : 0);

function cast(inputs: Record<string, Tensor>, attrs: NamedAttrMap): HostValue | null {
  const x = inputs.x;
  const to = attrs.dtype as DType;
  if (x === undefined || (to !== 'float32' && to !== 'int32' && to !== 'bool')) return null;
  const src = x._h!;
  if (to === x._dtype) return { data: src, shape: x._shape, dtype: to };
  let data: HostArray;
  // tfjs's cast: int32 truncates toward zero and wraps (Int32Array's conversion); bool is != 0.
  if (to === 'float32') data = Float32Array.from(src);
  else if (to === 'int32') data = Int32Array.from(src);
  else data = Uint8Array.from(src, (v) => (v !== 0 ? 1 : 0));
  return { data, shape: x._shape, dtype: to };
}

function reshape(inputs: Record<string, Tensor>, attrs: NamedAttrMap): HostValue | null {
  const x = inputs.x;
  const target = attrs.shape as number[] | undefined;
  if (x === undefined || !Array.isArray(target)) return null;
  const n = x._h!.length;
  let known = 1;
  let infer = -1;
  for (let i = 0; i < target.length; i++) {
    if (target[i] === -1 && infer < 0) infer = i;
    else if (!Number.isInteger(target[i]) || target[i] < 0) return null;
    else known *= target[i];
  }
  const shape = target.slice();
  if (infer >= 0) {
    if (known === 0 || n % known !== 0) return null;
    shape[infer] = n / known;
  } else if (known !== n) return null;
  // Host values are never changed in place, so the new tensor shares them.
  return { data: x._h!, shape, dtype: x._dtype };
}

/** @internal The kernels host tensors run without TensorFlow.js, by tfjs kernel name. */
export const HOST_KERNELS: Readonly<Record<string, HostKernel>> = {
  Add: binary((x, y) => x + y, NUMERIC, 'same', (x, y) => (x + y) | 0),
  Sub: binary((x, y) => x - y, NUMERIC, 'same', (x, y) => (x - y) | 0),
  Multiply: binary((x, y) => x * y, NUMERIC, 'same', Math.imul),
  RealDiv: binary((x, y) => x / y, ['float32']),
  Maximum: binary(Math.max, NUMERIC),
  Minimum: binary(Math.min, NUMERIC),
  Pow: binary(Math.pow, ['float32']),
  Equal: binary((x, y) => b(x === y), ANY, 'bool'),
  NotEqual: binary((x, y) => b(x !== y), ANY, 'bool'),
  Less: binary((x, y) => b(x < y), NUMERIC, 'bool'),
  LessEqual: binary((x, y) => b(x <= y), NUMERIC, 'bool'),
  Greater: binary((x, y) => b(x > y), NUMERIC, 'bool'),
  GreaterEqual: binary((x, y) => b(x >= y), NUMERIC, 'bool'),
  LogicalAnd: binary((x, y) => b(x !== 0 && y !== 0), ['bool']),
  LogicalOr: binary((x, y) => b(x !== 0 || y !== 0), ['bool']),
  Neg: unary((x) => -x, NUMERIC),
  Abs: unary(Math.abs, NUMERIC),
  Square: unary((x) => x * x),
  Relu: unary((x) => Math.max(x, 0), NUMERIC),
  Exp: unary(Math.exp),
  Log: unary(Math.log),
  Sqrt: unary(Math.sqrt),
  Rsqrt: unary((x) => 1 / Math.sqrt(x)),
  Reciprocal: unary((x) => 1 / x),
  Sigmoid: unary((x) => 1 / (1 + Math.exp(-x))),
  Tanh: unary(Math.tanh),
  Sin: unary(Math.sin),
  Cos: unary(Math.cos),
  Floor: unary(Math.floor),
  Ceil: unary(Math.ceil),
  Log1p: unary(Math.log1p),
  Expm1: unary(Math.expm1),
  Cast: cast,
  Reshape: reshape,
};

/** @internal Whether every input keeps its values on the host. */
export function allHost(inputs: readonly Tensor[]): boolean {
  for (let i = 0; i < inputs.length; i++) if (inputs[i]._h === null) return false;
  return true;
}
