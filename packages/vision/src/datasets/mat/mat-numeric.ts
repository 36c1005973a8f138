import type { MatElement } from './mat-element';
import type { MatNumericClass, MatNumericData } from './mat-value';

type Read = (view: DataView, at: number, le: boolean) => number | bigint;

/** @internal The numeric storage types: name, bytes per element, and how to read one. */
const STORAGE: Record<number, { name: string; size: number; read: Read }> = {
  1: { name: 'miINT8', size: 1, read: (v, at) => v.getInt8(at) },
  2: { name: 'miUINT8', size: 1, read: (v, at) => v.getUint8(at) },
  3: { name: 'miINT16', size: 2, read: (v, at, le) => v.getInt16(at, le) },
  4: { name: 'miUINT16', size: 2, read: (v, at, le) => v.getUint16(at, le) },
  5: { name: 'miINT32', size: 4, read: (v, at, le) => v.getInt32(at, le) },
  6: { name: 'miUINT32', size: 4, read: (v, at, le) => v.getUint32(at, le) },
  7: { name: 'miSINGLE', size: 4, read: (v, at, le) => v.getFloat32(at, le) },
  9: { name: 'miDOUBLE', size: 8, read: (v, at, le) => v.getFloat64(at, le) },
  12: { name: 'miINT64', size: 8, read: (v, at, le) => v.getBigInt64(at, le) },
  13: { name: 'miUINT64', size: 8, read: (v, at, le) => v.getBigUint64(at, le) },
};

type ArrayCtor = new (n: number) => MatNumericData;
const CLASS_ARRAY: Record<MatNumericClass, ArrayCtor> = {
  double: Float64Array,
  single: Float32Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
};

/** @internal The storage type a class is normally written with (a same-type 1-byte read is a view). */
const NATURAL: Partial<Record<MatNumericClass, number>> = { int8: 1, uint8: 2 };

/**
 * @internal Decodes a numeric data element into its array class's typed array. MATLAB may store
 * an array in a narrower type than its class (a `double` array of small integers as miUINT8), so
 * each element is converted. `count` (the dimensions' product) must match the stored bytes
 * exactly; this is checked before anything is allocated.
 */
export function decodeNumeric(
  element: MatElement,
  cls: MatNumericClass,
  count: number,
  littleEndian: boolean,
  fail: (why: string) => never,
  what: string,
): MatNumericData {
  const storage = STORAGE[element.type];
  if (storage === undefined) fail(`${what}: data type ${element.type} is not a numeric MAT-file type`);
  const { size, read, name } = storage!;
  if (element.data.length !== count * size) {
    fail(`${what}: the dimensions hold ${count} elements (${count * size} bytes of ${name}) but the data has ${element.data.length} bytes`);
  }
  const data = element.data;
  if (NATURAL[cls] === element.type) {
    // A plain view (not a Node Buffer), whatever the bytes came from.
    return cls === 'uint8' ? new Uint8Array(data.buffer, data.byteOffset, data.length) : new Int8Array(data.buffer, data.byteOffset, data.length);
  }
  const out = new CLASS_ARRAY[cls](count);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const big = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let i = 0; i < count; i++) {
    const v = read(view, i * size, littleEndian);
    if (big) {
      if (typeof v === 'number' && !Number.isFinite(v)) fail(`${what}: element ${i} is ${v}, which a ${cls} array cannot hold`);
      (out as BigInt64Array)[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    } else (out as Float64Array)[i] = Number(v);
  }
  return out;
}
