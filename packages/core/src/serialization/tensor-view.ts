import type { DType } from '../tensor/dtype';
import { CheckpointError } from './checkpoint-error';
import { decodeElements, targetDType, toTargetArray, type Decoded, type FileDType } from './element-types';

/** @internal A flat run of elements in a file (a PyTorch storage or a safetensors range). */
export interface StorageData {
  dtype: FileDType;
  /** Number of elements the storage holds. */
  numel: number;
  littleEndian: boolean;
  /** Raw bytes of `count` elements starting at element `start` (bounds already checked). */
  read(start: number, count: number): Uint8Array;
}

/** @internal Largest element count a loaded tensor may have (typed arrays and tfjs index with int32). */
export const MAX_ELEMENTS = 2 ** 31 - 1;
// A view may repeat storage elements (stride 0, as `expand` makes); past this many elements it
// must not have more elements than its storage, so a tiny file cannot demand gigabytes.
const MAX_EXPANSION = 1 << 24;

function checkDims(values: unknown, what: string, where: string): number[] {
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) {
    throw new CheckpointError(`${where}: ${what} must be a list of non-negative integers (got ${JSON.stringify(values, (_k, v) => (typeof v === 'bigint' ? String(v) : v))?.slice(0, 80)})`);
  }
  return values as number[];
}

/** @internal Number of elements of a shape, refusing shapes past `MAX_ELEMENTS`. */
export function shapeNumel(shape: readonly number[], where: string): number {
  let n = 1;
  for (const d of shape) n *= d;
  if (n > MAX_ELEMENTS) throw new CheckpointError(`${where}: shape [${shape.join(', ')}] has ${n} elements, more than the ${MAX_ELEMENTS} a tensor can hold`);
  return n;
}

/**
 * @internal Reads a strided view of a storage (PyTorch's `storage_offset`, `size`, `stride`)
 * into a flat row-major array of the @dl dtype, after checking the view lies inside the storage.
 */
export function readView(
  storage: StorageData,
  offsetIn: unknown,
  shapeIn: unknown,
  strideIn: unknown,
  where: string,
): { values: Float32Array | Int32Array | Uint8Array; shape: number[]; dtype: DType } {
  const shape = checkDims(shapeIn, 'size', where);
  const stride = checkDims(strideIn, 'stride', where);
  if (typeof offsetIn !== 'number' || !Number.isSafeInteger(offsetIn) || offsetIn < 0) {
    throw new CheckpointError(`${where}: storage offset must be a non-negative integer (got ${String(offsetIn)})`);
  }
  const offset = offsetIn;
  if (stride.length !== shape.length) throw new CheckpointError(`${where}: size has ${shape.length} dims but stride has ${stride.length}`);
  const numel = shapeNumel(shape, where);
  const dtype = targetDType(storage.dtype);
  if (numel === 0) return { values: toTargetArray(decodeElements(new Uint8Array(0), storage.dtype), storage.dtype, where), shape, dtype };
  let last = offset;
  for (let d = 0; d < shape.length; d++) last += (shape[d] - 1) * stride[d];
  if (last >= storage.numel) {
    throw new CheckpointError(
      `${where}: the view (offset ${offset}, size [${shape.join(', ')}], stride [${stride.join(', ')}]) needs ${last + 1} elements but its storage holds ${storage.numel}`,
    );
  }
  if (numel > storage.numel && numel > MAX_EXPANSION) {
    throw new CheckpointError(`${where}: the view has ${numel} elements from a storage of ${storage.numel}; refusing to expand past ${MAX_EXPANSION} elements`);
  }
  let contiguous = true;
  for (let d = shape.length - 1, expect = 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expect) contiguous = false;
    expect *= shape[d];
  }
  if (contiguous) {
    const decoded = decodeElements(storage.read(offset, numel), storage.dtype, storage.littleEndian);
    return { values: toTargetArray(decoded, storage.dtype, where), shape, dtype };
  }
  const span = decodeElements(storage.read(offset, last - offset + 1), storage.dtype, storage.littleEndian);
  const out = new (span.constructor as new (n: number) => Decoded)(numel);
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < numel; i++) {
    out[i] = span[src];
    for (let d = rank - 1; d >= 0; d--) {
      index[d]++;
      src += stride[d];
      if (index[d] < shape[d]) break;
      src -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return { values: toTargetArray(out, storage.dtype, where), shape, dtype };
}
