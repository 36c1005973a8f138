import { promoteTypes, type DType } from '../../tensor/dtype';
import { CollateError } from '../errors/collate-error';
import { describeValue, isPlainObject } from './describe-value';
import { allocFor } from './packed-tensor';
import { isTensorLike, isTypedArray, typedArrayDType, type TensorView, type TypedArray } from './tensor-like';

/** @internal Where collated tensors end up: Tensors in the main thread, packed buffers in a worker. */
export interface CollateTarget {
  /** Makes the output for values packed into a buffer nobody else holds. */
  fromPacked(data: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: DType): unknown;
  /**
   * Stacks tensors with an op when gradients must flow (main thread), or returns undefined to let
   * the values be packed. Absent in workers.
   */
  stackWithGrad?(tensors: readonly TensorView[]): unknown;
}

type Kind = 'tensor' | 'typed' | 'number' | 'boolean' | 'string' | 'array' | 'map' | 'object' | 'bad';

function kindOf(v: unknown): Kind {
  // typeof first: batches of numbers are the hot path.
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'object':
      if (v === null) return 'bad';
      if (Array.isArray(v)) return 'array';
      if (isTensorLike(v)) return 'tensor';
      if (isTypedArray(v)) return 'typed';
      if (v instanceof Map) return 'map';
      return isPlainObject(v) ? 'object' : 'bad';
    default:
      return 'bad';
  }
}

function where(path: string): string {
  return path === '' ? '' : ` (at item${path})`;
}

function shapeText(s: readonly number[]): string {
  return `[${s.join(', ')}]`;
}

function packTensors(batch: readonly TensorView[], path: string, who: string, target: CollateTarget): unknown {
  const s0 = batch[0].shape;
  let dtype = batch[0].dtype;
  for (let i = 1; i < batch.length; i++) {
    const s = batch[i].shape;
    if (s.length !== s0.length || s.some((d, k) => d !== s0[k])) {
      throw new CollateError(`${who}: stack expects each tensor to be equal size, but got ${shapeText(s0)} at batch position 0 and ${shapeText(s)} at batch position ${i}${where(path)}`);
    }
    dtype = promoteTypes(dtype, batch[i].dtype);
  }
  if (target.stackWithGrad && batch.some((t) => t.requiresGrad)) {
    const stacked = target.stackWithGrad(batch);
    if (stacked !== undefined) return stacked;
  }
  let per = 1;
  for (const d of s0) per *= d;
  const out = allocFor(dtype, per * batch.length);
  for (let i = 0; i < batch.length; i++) out.set(batch[i].dataSync(), i * per);
  return target.fromPacked(out, [batch.length, ...s0], dtype);
}

function packTyped(batch: readonly TypedArray[], path: string, who: string, target: CollateTarget): unknown {
  const n = batch[0].length;
  let dtype = typedArrayDType(batch[0]);
  for (let i = 1; i < batch.length; i++) {
    if (batch[i].length !== n) {
      throw new CollateError(`${who}: stack expects each array to be equal size, but got length ${n} at batch position 0 and length ${batch[i].length} at batch position ${i}${where(path)}`);
    }
    dtype = promoteTypes(dtype, typedArrayDType(batch[i]));
  }
  const out = allocFor(dtype, n * batch.length);
  for (let i = 0; i < batch.length; i++) {
    const a = batch[i];
    if (a instanceof BigInt64Array || a instanceof BigUint64Array) for (let k = 0; k < n; k++) out[i * n + k] = Number(a[k]);
    else out.set(a, i * n);
  }
  return target.fromPacked(out, [batch.length, n], dtype);
}

function packScalars(batch: readonly unknown[], kind: 'number' | 'boolean', path: string, who: string, target: CollateTarget): unknown {
  const n = batch.length;
  if (kind === 'boolean') {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = batch[i] ? 1 : 0;
    return target.fromPacked(out, [n], 'bool');
  }
  // JavaScript has one number type: a batch of whole numbers is an integer (class-label) batch,
  // PyTorch's int64 (int32 here); any fraction makes it float32.
  const ints = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = batch[i];
    if (typeof v === 'number' && (v | 0) === v) {
      ints[i] = v;
      continue;
    }
    const x = Number(v);
    if ((x | 0) === x) {
      ints[i] = x;
      continue;
    }
    let fractional = !Number.isInteger(x);
    for (let k = i + 1; k < n && !fractional; k++) fractional = !Number.isInteger(Number(batch[k]));
    if (!fractional) {
      throw new CollateError(`${who}: the integer ${String(v)} at batch position ${i}${where(path)} does not fit int32, the widest integer dtype on TensorFlow.js; return it as a string or a float`);
    }
    const floats = new Float32Array(n);
    for (let k = 0; k < n; k++) floats[k] = Number(batch[k]);
    return target.fromPacked(floats, [n], 'float32');
  }
  return target.fromPacked(ints, [n], 'int32');
}

const SUPPORTED = 'tensors, typed arrays, numbers, booleans, strings, arrays, plain objects or Maps';

/**
 * @internal PyTorch's `default_collate` rules over a batch (a list of items): tensors and typed
 * arrays stack, numbers and booleans become 1-D tensors, strings stay a list, arrays collate
 * per position and objects/Maps per key. Errors name the types, batch positions and the path.
 */
export function collateTree(batch: readonly unknown[], target: CollateTarget, path = '', who = 'defaultCollate'): unknown {
  if (!Array.isArray(batch)) throw new CollateError(`${who}: expected the batch to be an array of items, got ${describeValue(batch)}`);
  if (batch.length === 0) throw new CollateError(`${who}: the batch is empty${where(path)}`);
  const kind = kindOf(batch[0]);
  if (kind === 'bad') throw new CollateError(`${who}: batch must contain ${SUPPORTED}; found ${describeValue(batch[0])} at batch position 0${where(path)}`);
  for (let i = 1; i < batch.length; i++) {
    const k = kindOf(batch[i]);
    if (k === 'bad') throw new CollateError(`${who}: batch must contain ${SUPPORTED}; found ${describeValue(batch[i])} at batch position ${i}${where(path)}`);
    if (k !== kind) {
      throw new CollateError(`${who}: cannot batch ${describeValue(batch[0])} at batch position 0 with ${describeValue(batch[i])} at batch position ${i}${where(path)}`);
    }
  }
  switch (kind) {
    case 'tensor':
      return packTensors(batch as TensorView[], path, who, target);
    case 'typed':
      return packTyped(batch as TypedArray[], path, who, target);
    case 'number':
    case 'boolean':
      return packScalars(batch, kind, path, who, target);
    case 'string':
      return batch.slice();
    case 'array': {
      const n = (batch[0] as unknown[]).length;
      for (let i = 1; i < batch.length; i++) {
        const m = (batch[i] as unknown[]).length;
        if (m !== n) {
          throw new CollateError(`${who}: each element in list of batch should be of equal size, but batch position 0 has ${n} elements and batch position ${i} has ${m}${where(path)}`);
        }
      }
      const out = new Array<unknown>(n);
      for (let j = 0; j < n; j++) out[j] = collateTree(batch.map((b) => (b as unknown[])[j]), target, `${path}[${j}]`, who);
      return out;
    }
    case 'map': {
      const first = batch[0] as Map<unknown, unknown>;
      const out = new Map<unknown, unknown>();
      for (const key of first.keys()) {
        const column = batch.map((b, i) => {
          const m = b as Map<unknown, unknown>;
          if (!m.has(key)) throw new CollateError(`${who}: key ${JSON.stringify(String(key))} is missing at batch position ${i} (batch position 0 has it)${where(path)}`);
          return m.get(key);
        });
        out.set(key, collateTree(column, target, `${path}.get(${JSON.stringify(String(key))})`, who));
      }
      return out;
    }
    case 'object': {
      const first = batch[0] as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(first)) {
        const column = batch.map((b, i) => {
          const o = b as Record<string, unknown>;
          if (!Object.hasOwn(o, key)) throw new CollateError(`${who}: key '${key}' is missing at batch position ${i} (batch position 0 has it)${where(path)}`);
          return o[key];
        });
        out[key] = collateTree(column, target, `${path}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, who);
      }
      return out;
    }
  }
}
