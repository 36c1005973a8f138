import { tf } from '../../backend/tfjs';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { ValueError } from '../../errors/value-error';
import { describeArg } from '../../tensor/describe-arg';
import { normalizeDType, type DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';
import { HOST_MAX_ELEMENTS, type HostArray } from '../../tensor/host-value';
import { Tensor, type NestedArray } from '../../tensor/tensor';

/** Options shared by tensor creation functions. */
export interface TensorOptions {
  /**
   * Element type; inferred from the data when omitted (`float32` for numbers). `'int64'`/`'long'`
   * are stored as int32 (TensorFlow.js has no int64; out-of-range values throw); `'float'` is
   * float32 and `'int'` int32. `'float64'` and the other dtypes TensorFlow.js lacks throw a
   * DTypeError rather than silently becoming float32.
   */
  dtype?: DType | 'int64' | 'long' | 'float' | 'int';
  /** Record operations for autograd. @default false */
  requiresGrad?: boolean;
}

type TypedData = Float32Array | Int32Array | Uint8Array | Float64Array | Int8Array | Int16Array | Uint16Array | Uint32Array | BigInt64Array;

function inferShape(data: unknown): number[] {
  const shape: number[] = [];
  let cur: unknown = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

function flatten(data: unknown, shape: number[], depth: number, out: (number | boolean)[], op: string): void {
  if (depth === shape.length) {
    if (typeof data !== 'number' && typeof data !== 'boolean') {
      if (Array.isArray(data)) throw new ValueError(`${op}: expected a number or boolean at depth ${depth}, got an array (the nested arrays are ragged)`);
      throw new ArgumentTypeError(`${op}: expected a number or boolean at depth ${depth}, got ${describeArg(data)}`);
    }
    out.push(data);
    return;
  }
  if (!Array.isArray(data) || data.length !== shape[depth]) {
    throw new ValueError(`${op}: expected a sequence of length ${shape[depth]} at dim ${depth} (got ${Array.isArray(data) ? data.length : typeof data})`);
  }
  for (const d of data) flatten(d, shape, depth + 1, out, op);
}

/**
 * @internal Builds a tfjs value from flat values (numbers/booleans or a typed array). Integer
 * dtypes truncate toward zero and refuse values int32 cannot hold (NaN, out of range).
 */
export function makeValue(flat: ArrayLike<number | boolean> | TypedData, shape: number[], dtype: DType, op = 'tensor') {
  return tf.tensor(hostValues(flat, dtype, op), shape, dtype);
}

/** The flat values as the typed array of `dtype` (the same array when it already is one). */
function hostValues(flat: ArrayLike<number | boolean> | TypedData, dtype: DType, op: string): HostArray {
  if (dtype === 'float32') return flat instanceof Float32Array ? flat : Float32Array.from(flat as ArrayLike<number>, Number);
  if (dtype === 'int32') return flat instanceof Int32Array ? flat : Int32Array.from(flat as ArrayLike<number>, (v) => toInt32(Number(v), op));
  return Uint8Array.from(flat as ArrayLike<number>, (v) => (v ? 1 : 0));
}

/**
 * @internal A tensor owning a copy of the flat values: small ones stay on the JavaScript heap
 * (host tensors, see `tensor/host-value.ts`), larger ones go to the backend now.
 */
export function tensorFromValues(flat: ArrayLike<number | boolean> | TypedData, shape: number[], dtype: DType, op = 'tensor'): Tensor {
  if (flat.length > HOST_MAX_ELEMENTS) return Tensor._owned(makeValue(flat, shape, dtype, op));
  let values = hostValues(flat, dtype, op);
  // The caller's typed array stays the caller's: later writes to it must not change the tensor.
  if (values === flat) values = values.slice();
  return Tensor._fromHost(values, shape, dtype);
}

/** A flat list of numbers as float32 values, or null when it holds anything else. */
function floatList(data: readonly unknown[]): Float32Array | null {
  const n = data.length;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (typeof v !== 'number') return null;
    values[i] = v;
  }
  return values;
}

/**
 * Makes a tensor from nested arrays, a typed array or a number (PyTorch's `torch.tensor`).
 * Numbers make float32 unless `dtype` says otherwise (JavaScript cannot tell `1` from `1.0`);
 * booleans make bool; typed arrays keep their kind (Int32Array: int32, Float32Array: float32).
 *
 * @param data nested arrays of numbers/booleans, a typed array (1-D unless `shape` is given
 *   through `dl.tensor(data).reshape(...)`), or a scalar.
 * @example
 * ```ts
 * const x = dl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const labels = dl.tensor([0, 2, 1], { dtype: 'int64' }); // stored as int32
 * dl.tensor([1, 2], { dtype: 'float64' }); // throws DTypeError: TensorFlow.js has no float64
 * ```
 */
export function tensor(data: NestedArray<number> | NestedArray<boolean> | TypedData, options: TensorOptions = {}): Tensor {
  if (typeof options !== 'object' || options === null) {
    throw new ArgumentTypeError(`tensor: expected options to be an object such as { dtype: 'int64' }, got ${describeArg(options)}`);
  }
  let dtype: DType | undefined = options.dtype != null ? normalizeDType(options.dtype, 'tensor') : undefined;
  let flat: (number | boolean)[] | TypedData;
  let shape: number[];
  if (ArrayBuffer.isView(data)) {
    const typed = data as TypedData;
    shape = [typed.length];
    if (typed instanceof BigInt64Array) flat = Array.from(typed, Number);
    else flat = typed;
    if (!dtype) dtype = typed instanceof Float32Array || typed instanceof Float64Array ? 'float32' : typed instanceof Uint8Array ? 'int32' : 'int32';
  } else {
    if (typeof data !== 'number' && typeof data !== 'boolean' && !Array.isArray(data)) {
      throw new ArgumentTypeError(`tensor: expected data to be a number, a boolean, (nested) arrays of them or a typed array, got ${describeArg(data)}`);
    }
    // The common case, a short flat list of numbers made into float32, in one pass.
    if (Array.isArray(data) && (dtype === undefined || dtype === 'float32') && data.length > 0 && data.length <= HOST_MAX_ELEMENTS) {
      const fast = floatList(data);
      if (fast !== null) {
        const t = Tensor._fromHost(fast, [data.length], 'float32');
        if (options.requiresGrad) t.requiresGrad_(true);
        return t;
      }
    }
    shape = inferShape(data);
    const out: (number | boolean)[] = [];
    flatten(data, shape, 0, out, 'tensor');
    flat = out;
    if (!dtype) {
      // JavaScript has one number type, so `[1, 2]` cannot say "integer" the way Python's
      // literals do: numbers make float32 (as tfjs and torch.Tensor do), integers ask for a dtype.
      dtype = out.length > 0 && out.every((v) => typeof v === 'boolean') ? 'bool' : 'float32';
    }
  }
  const t = tensorFromValues(flat, shape, dtype);
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}
