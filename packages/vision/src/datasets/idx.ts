import { readFile } from 'node:fs/promises';
import { constants } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '@dl/core/node';

/**
 * The element types of an IDX file (LeCun's format of MNIST and its kin).
 *
 * @example
 * ```ts
 * parseIdx(bytes, 'labels').dtype; // 'uint8'
 * ```
 */
export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/**
 * The typed array an {@link IdxArray} holds for each {@link IdxDType}.
 *
 * @example
 * ```ts
 * const data: IdxData = parseIdx(bytes).data; // a Uint8Array for MNIST
 * ```
 */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * An IDX file's content: its element type, its dimensions, and the elements in row-major order.
 *
 * @example
 * ```ts
 * const { dtype, shape, data } = await readIdxFile('t10k-labels-idx1-ubyte'); // 'uint8', [10000], Uint8Array
 * ```
 */
export interface IdxArray {
  /** The element type the header's type code names. */
  dtype: IdxDType;
  /** The dimensions the header lists, outermost first (`[60000, 28, 28]` for MNIST's images). */
  shape: number[];
  /** The elements, row-major, converted from the file's big-endian order. */
  data: IdxData;
}

/**
 * The IDX type codes (the magic number's third byte) and their element types, as torchvision's
 * `SN3_PASCALVINCENT_TYPEMAP`: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32,
 * 0x0E float64.
 *
 * @example
 * ```ts
 * IDX_TYPE_CODES[0x08]; // 'uint8'
 * ```
 */
export const IDX_TYPE_CODES: Readonly<Record<number, IdxDType>> = Object.freeze({
  8: 'uint8',
  9: 'int8',
  11: 'int16',
  12: 'int32',
  13: 'float32',
  14: 'float64',
});

const ELEMENT_SIZE: Record<IdxDType, number> = { uint8: 1, int8: 1, int16: 2, int32: 4, float32: 4, float64: 8 };

/**
 * Parses the bytes of an (uncompressed) IDX file: a 4-byte magic number (`0x00 0x00`, the type
 * code, the number of dimensions), one big-endian uint32 per dimension, then the elements,
 * big-endian. `uint8` data is a view of `bytes` (no copy); wider types are decoded into a new array.
 *
 * Throws a {@link DatasetError} naming `name` when the magic number is wrong, the type code is
 * unknown, the header is cut short, or the dimensions do not multiply to exactly the bytes that
 * follow the header (a lying header is caught before anything is allocated).
 *
 * @param name the file name used in error messages. @default '<bytes>'
 * @example
 * ```ts
 * const labels = parseIdx(Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 2, 7, 3), 'labels-idx1-ubyte');
 * labels.shape; // [2]
 * Array.from(labels.data); // [7, 3]
 * ```
 */
export function parseIdx(bytes: Uint8Array, name = '<bytes>'): IdxArray {
  const fail = (why: string): never => {
    throw new DatasetError(`${name}: not a valid IDX file: ${why}`);
  };
  if (!(bytes instanceof Uint8Array)) fail(`expected the file's bytes as a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  if (bytes.length < 4) fail(`the file has ${bytes.length} bytes, fewer than the 4 of the magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) fail(`the magic number must start with two zero bytes, got 0x${hex(bytes[0]!)} 0x${hex(bytes[1]!)}`);
  const code = bytes[2]!;
  const dtype = IDX_TYPE_CODES[code];
  if (dtype === undefined) fail(`unknown type code 0x${hex(code)} (expected one of 0x08 0x09 0x0b 0x0c 0x0d 0x0e)`);
  const rank = bytes[3]!;
  if (rank === 0) fail('the header lists 0 dimensions');
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) fail(`the header lists ${rank} dimensions (${headerSize} header bytes) but the file has only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < rank; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const size = ELEMENT_SIZE[dtype!];
  const available = bytes.length - headerSize;
  // The product is checked against the bytes present as it grows, so a header claiming
  // 2^32 x 2^32 x ... elements is refused without computing (or allocating) anything that large.
  let count = 1;
  for (const d of shape) {
    count *= d;
    if (count * size > available) break;
  }
  if (count * size !== available) {
    const claimed = shape.reduce((a, d) => a * d, 1) * size;
    fail(`the header claims dimensions [${shape.join(', ')}] of ${dtype} (${claimed} bytes of data) but ${available} bytes follow the header`);
  }
  return { dtype: dtype!, shape, data: decode(bytes, headerSize, count, dtype!, view) };
}

function decode(bytes: Uint8Array, offset: number, count: number, dtype: IdxDType, view: DataView): IdxData {
  switch (dtype) {
    case 'uint8':
      // A plain view even when `bytes` is a Node Buffer (whose `slice` would not copy).
      return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, count);
    case 'int8':
      return new Int8Array(bytes.buffer, bytes.byteOffset + offset, count);
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/**
 * Options of {@link readIdxFile}.
 *
 * @example
 * ```ts
 * await readIdxFile('train-images-idx3-ubyte.gz', { maxBytes: 64 * 2 ** 20 });
 * ```
 */
export interface ReadIdxFileOptions {
  /** Most bytes a gzip-compressed file may inflate to. @default 2 ** 32 */
  maxBytes?: number;
}

/**
 * Reads an IDX file from disk, gzip-compressed (`.gz`, recognized by its magic bytes) or not,
 * and parses it with {@link parseIdx}. Every failure is a {@link DatasetError} naming the file:
 * a missing file, corrupt or truncated gzip data, a gzip stream inflating past `maxBytes`, or a
 * malformed IDX header.
 *
 * @example
 * ```ts
 * const images = await readIdxFile('data/MNIST/raw/train-images-idx3-ubyte');
 * images.shape; // [60000, 28, 28]
 * ```
 */
export async function readIdxFile(path: string, options: ReadIdxFileOptions = {}): Promise<IdxArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DatasetError(`${path}: cannot read the IDX file: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { cause: error });
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const maxOutputLength = Math.min(options.maxBytes ?? 2 ** 32, constants.MAX_LENGTH);
    try {
      bytes = gunzipSync(bytes, { maxOutputLength });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      const why = tooLarge ? `it inflates past the limit of ${maxOutputLength} bytes (maxBytes)` : `corrupt or truncated gzip data (${(error as Error).message})`;
      throw new DatasetError(`${path}: cannot read the IDX file: ${why}`, { cause: error });
    }
  }
  return parseIdx(bytes, path);
}
