import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import { normalizeDType, type DType } from '../../tensor/dtype';
import { Tensor, type NestedArray } from '../../tensor/tensor';

/** Options shared by tensor creation functions. */
export interface TensorOptions {
  /** Element type; inferred from the data when omitted (`float32` for numbers with fractions). */
  dtype?: DType | 'int64' | 'float64' | 'long' | 'float' | 'double' | 'int' | 'uint8';
  /** Record operations for autograd. @default false */
  requiresGrad?: boolean;
}

type TypedData = Float32Array | Int32Array | Uint8Array | Float64Array | Int8Array | Int16Array | Uint16Array | Uint32Array | BigInt64Array;

function inferShape(data: unknown, op: string): number[] {
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
      throw new ValueError(`${op}: expected a number or boolean at depth ${depth}, got ${Array.isArray(data) ? 'an array' : typeof data}`);
    }
    out.push(data);
    return;
  }
  if (!Array.isArray(data) || data.length !== shape[depth]) {
    throw new ValueError(`${op}: expected a sequence of length ${shape[depth]} at dim ${depth} (got ${Array.isArray(data) ? data.length : typeof data})`);
  }
  for (const d of data) flatten(d, shape, depth + 1, out, op);
}

/** @internal Builds a tfjs value from flat values (numbers/booleans or a typed array). */
export function makeValue(flat: ArrayLike<number | boolean> | TypedData, shape: number[], dtype: DType) {
  let values: Float32Array | Int32Array | Uint8Array;
  if (dtype === 'float32') values = flat instanceof Float32Array ? flat : Float32Array.from(flat as ArrayLike<number>, Number);
  else if (dtype === 'int32') values = flat instanceof Int32Array ? flat : Int32Array.from(flat as ArrayLike<number>, (v) => Math.trunc(Number(v)));
  else values = Uint8Array.from(flat as ArrayLike<number>, (v) => (v ? 1 : 0));
  return tf.tensor(values, shape, dtype);
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
 * ```
 */
export function tensor(data: NestedArray<number> | NestedArray<boolean> | TypedData, options: TensorOptions = {}): Tensor {
  let dtype: DType | undefined = options.dtype ? normalizeDType(options.dtype, 'tensor') : undefined;
  let flat: (number | boolean)[] | TypedData;
  let shape: number[];
  if (ArrayBuffer.isView(data)) {
    const typed = data as TypedData;
    shape = [typed.length];
    if (typed instanceof BigInt64Array) flat = Array.from(typed, Number);
    else flat = typed;
    if (!dtype) dtype = typed instanceof Float32Array || typed instanceof Float64Array ? 'float32' : typed instanceof Uint8Array ? 'int32' : 'int32';
  } else {
    shape = inferShape(data, 'tensor');
    const out: (number | boolean)[] = [];
    flatten(data, shape, 0, out, 'tensor');
    flat = out;
    if (!dtype) {
      // JavaScript has one number type, so `[1, 2]` cannot say "integer" the way Python's
      // literals do: numbers make float32 (as tfjs and torch.Tensor do), integers ask for a dtype.
      dtype = out.length > 0 && out.every((v) => typeof v === 'boolean') ? 'bool' : 'float32';
    }
  }
  const t = Tensor._owned(makeValue(flat, shape, dtype));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}
