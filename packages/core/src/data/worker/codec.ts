// No TensorFlow.js here: worker threads load this, and only load tfjs when their data has tensors.
// Whoever decodes tensor markers passes the function that makes the tensors.
import { ValueError } from '../../errors/value-error';
import type { DType } from '../../tensor/dtype';
import { describeValue, isPlainObject } from '../collate/describe-value';
import { isTensorLike } from '../collate/tensor-like';
import { moduleHref, type ModuleExport } from '../module-export';
import { Packed } from './packed';
import type { EncodedSpec } from './protocol';

// Values that are not plain data cross threads as tagged plain objects.
const TAG = '__dl__';

/** @internal A tensor's values as sent between threads. */
export interface TensorMarker {
  [TAG]: 'tensor';
  dtype: DType;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

function isMarker(v: unknown): v is Record<string, unknown> & { [TAG]: string } {
  return isPlainObject(v) && typeof v[TAG] === 'string';
}

function hasWorkerSpec(v: unknown): v is { workerSpec(): ModuleExport | undefined } {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { workerSpec?: unknown }).workerSpec === 'function';
}

/** @internal Options of {@link encodeValue}. */
export interface EncodeOptions {
  /** Buffers to transfer instead of copy (results); absent for worker arguments. */
  transfer?: Set<ArrayBuffer>;
  /** How to absolutize a module path (Node's pathToFileURL). */
  toFileUrl: (path: string) => string;
}

/** @internal A ModuleExport with its args encoded for a worker. */
export function encodeSpec(spec: ModuleExport, role: string, options: EncodeOptions): EncodedSpec {
  let href = moduleHref(spec, role);
  if (href.startsWith('/') || /^[A-Za-z]:[\\/]/.test(href)) href = options.toFileUrl(href);
  const args = spec.args ?? [];
  if (!Array.isArray(args)) throw new ValueError(`${role}: args should be an array, got ${typeof args}`);
  return { module: href, export: spec.export ?? 'default', args: args.map((a, i) => encodeValue(a, `${role} args[${i}]`, options)) };
}

/**
 * @internal Turns a value into something `postMessage` can send: Tensors become their values,
 * objects and functions with a `workerSpec()` (datasets, transforms, `functionFromModule`
 * results) their spec, URLs their href; other functions and class instances are refused with a
 * message naming where they are.
 */
export function encodeValue(v: unknown, path: string, options: EncodeOptions): unknown {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'function' && hasWorkerSpec(v)) {
    const spec = v.workerSpec();
    if (spec) return { [TAG]: 'function', spec: encodeSpec(spec, path, options) };
  }
  if (typeof v === 'function' || typeof v === 'symbol') {
    throw new ValueError(`DataLoader workers: ${path} is ${describeValue(v)}, which cannot be copied to another thread; export it from a module and rebuild it from plain arguments there`);
  }
  if (v instanceof Packed) {
    options.transfer?.add(v.data.buffer as ArrayBuffer);
    return { [TAG]: 'tensor', dtype: v.dtype, shape: v.shape, data: v.data } satisfies TensorMarker;
  }
  if (isTensorLike(v)) {
    // A dataset may hand out views of its own storage: copy, so transferring never detaches it.
    const data = v.dataSync().slice();
    options.transfer?.add(data.buffer as ArrayBuffer);
    return { [TAG]: 'tensor', dtype: v.dtype, shape: v.shape.slice(), data } satisfies TensorMarker;
  }
  if (typeof URL !== 'undefined' && v instanceof URL) return { [TAG]: 'url', href: v.href };
  if (Array.isArray(v)) return v.map((x, i) => encodeValue(x, `${path}[${i}]`, options));
  if (v instanceof Map) return new Map(Array.from(v, ([k, x]) => [k, encodeValue(x, `${path}.get(${String(k)})`, options)]));
  if (v instanceof Set) return new Set(Array.from(v, (x, i) => encodeValue(x, `${path} (Set entry ${i})`, options)));
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date || v instanceof RegExp) return v;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) out[key] = encodeValue(v[key], `${path}.${key}`, options);
    return typeof v[TAG] === 'string' ? { [TAG]: 'object', value: out } : out;
  }
  if (hasWorkerSpec(v)) {
    const spec = v.workerSpec();
    if (!spec) throw new ValueError(`DataLoader workers: ${path} is ${describeValue(v)}, whose workerSpec() returned nothing, so worker threads cannot rebuild it`);
    return { [TAG]: 'instance', spec: encodeSpec(spec, path, options) };
  }
  throw new ValueError(
    `DataLoader workers: ${path} is ${describeValue(v)}; class instances lose their class when copied to another thread (pass plain data, Tensors, or objects with a workerSpec())`,
  );
}

/** @internal How a worker rebuilds objects (`instance`), functions (`function`) and Tensors from their encodings. */
export interface Rebuilder {
  instance(spec: EncodedSpec, path: string): Promise<unknown>;
  function(spec: EncodedSpec, path: string): Promise<unknown>;
  /** Makes a Tensor (the worker loads @dl/core's backend on the first one). */
  tensor(marker: TensorMarker): Promise<unknown>;
}

/** @internal Rebuilds Tensors, URLs, objects and functions from {@link encodeValue}'s output. */
export async function decodeValue(v: unknown, path: string, build: Rebuilder): Promise<unknown> {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return Promise.all(v.map((x, i) => decodeValue(x, `${path}[${i}]`, build)));
  if (v instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [k, x] of v) out.set(k, await decodeValue(x, path, build));
    return out;
  }
  if (v instanceof Set) return new Set(await Promise.all(Array.from(v, (x) => decodeValue(x, path, build))));
  if (!isPlainObject(v)) return v;
  if (isMarker(v)) {
    switch (v[TAG]) {
      case 'tensor':
        return build.tensor(v as unknown as TensorMarker);
      case 'url':
        return new URL(v.href as string);
      case 'instance':
      case 'function':
        return v[TAG] === 'instance' ? build.instance(v.spec as EncodedSpec, path) : build.function(v.spec as EncodedSpec, path);
      case 'object':
        return decodeFields(v.value as Record<string, unknown>, path, build);
    }
  }
  return decodeFields(v, path, build);
}

async function decodeFields(v: Record<string, unknown>, path: string, build: Rebuilder): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = await decodeValue(v[key], `${path}.${key}`, build);
  return out;
}

/**
 * @internal Synchronous decoding of a batch (no datasets inside): the main thread's hot path.
 * `tensor` makes the Tensors (the main thread owns their transferred buffers).
 */
export function decodeBatch(v: unknown, tensor: (m: TensorMarker) => unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decodeBatch(x, tensor));
  if (v instanceof Map) return new Map(Array.from(v, ([k, x]) => [k, decodeBatch(x, tensor)]));
  if (v instanceof Set) return new Set(Array.from(v, (x) => decodeBatch(x, tensor)));
  if (!isPlainObject(v)) return v;
  if (isMarker(v)) {
    if (v[TAG] === 'tensor') return tensor(v as unknown as TensorMarker);
    if (v[TAG] === 'url') return new URL(v.href as string);
    if (v[TAG] === 'object') return decodeBatchFields(v.value as Record<string, unknown>, tensor);
  }
  return decodeBatchFields(v, tensor);
}

function decodeBatchFields(v: Record<string, unknown>, tensor: (m: TensorMarker) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = decodeBatch(v[key], tensor);
  return out;
}

