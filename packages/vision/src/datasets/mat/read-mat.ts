import { constants } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { DatasetError } from '@dl/core/node';
import { MatElementReader, MI } from './mat-element';
import { parseMatrix } from './mat-matrix';
import type { MatValue } from './mat-value';

/**
 * Options of {@link readMat} and {@link readMatFile}.
 *
 * @example
 * ```ts
 * readMat(bytes, { name: 'meta.mat', maxBytes: 2 ** 28 });
 * ```
 */
export interface ReadMatOptions {
  /** The file name used in error messages. @default '<bytes>' */
  name?: string;
  /** Most bytes the compressed variables may inflate to, all together (a guard against zip bombs). @default 2 ** 32 */
  maxBytes?: number;
}

const HEADER = 128;

/**
 * Reads a MATLAB MAT-file of version 5 (what MATLAB's `save` writes up to `-v7`, and scipy's
 * `savemat`), compressed (`miCOMPRESSED`, inflated with zlib up to `maxBytes`) or not, in either
 * byte order. Returns each variable by name: numeric arrays of every class (double, single,
 * int8..uint64) and logical arrays, char arrays, cell arrays, and structs and struct arrays;
 * sparse, object and opaque arrays come back as `{ kind: 'unsupported' }` markers.
 *
 * Throws a {@link DatasetError} naming the file for anything malformed: a bad header, a v7.3
 * (HDF5) or v4 file, lengths or dimensions the bytes cannot hold, corrupt compressed data, or
 * compressed variables inflating past `maxBytes`.
 *
 * @example
 * ```ts
 * const mat = readMat(await readFile('train_32x32.mat'), { name: 'train_32x32.mat' });
 * mat.X; // { kind: 'numeric', class: 'uint8', dims: [32, 32, 3, 73257], data: Uint8Array, ... }
 * ```
 */
export function readMat(bytes: Uint8Array, options: ReadMatOptions = {}): Record<string, MatValue> {
  const name = options.name ?? '<bytes>';
  const fail = (why: string): never => {
    throw new DatasetError(`${name}: not a valid MAT-file: ${why}`);
  };
  if (!(bytes instanceof Uint8Array)) fail(`expected the file's bytes as a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  if (bytes.length < HEADER) fail(`the file has ${bytes.length} bytes, fewer than the ${HEADER} of the header`);
  const text = String.fromCharCode(...bytes.subarray(0, 116));
  if (text.startsWith('MATLAB 7.3') || String.fromCharCode(...bytes.subarray(512, 516)) === '\x89HDF') {
    fail('it is a MATLAB v7.3 file (HDF5), which is not supported; save it with -v7');
  }
  const endian = String.fromCharCode(bytes[126]!, bytes[127]!);
  if (endian !== 'IM' && endian !== 'MI') fail(`the endian indicator is ${JSON.stringify(endian)}, not 'IM' or 'MI' (not a version 5 MAT-file; version 4 files are not supported)`);
  const littleEndian = endian === 'IM';
  const version = new DataView(bytes.buffer, bytes.byteOffset + 124, 2).getUint16(0, littleEndian);
  if (version !== 0x0100) fail(`the header version is 0x${version.toString(16)}, expected 0x0100`);

  let budget = Math.min(options.maxBytes ?? 2 ** 32, constants.MAX_LENGTH);
  const file = new MatElementReader(bytes, littleEndian, fail);
  const variables: Record<string, MatValue> = {};
  const add = (variable: { name: string; value: MatValue }) => {
    Object.defineProperty(variables, variable.name, { value: variable.value, enumerable: true, writable: true, configurable: true });
  };
  for (let pos = HEADER; pos < bytes.length; ) {
    const element = file.element(pos, bytes.length, `variable at offset ${pos}`);
    if (element.type === MI.COMPRESSED) {
      let inflated: Uint8Array;
      try {
        inflated = inflateSync(element.data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        throw new DatasetError(
          `${name}: not a valid MAT-file: the compressed variable at offset ${pos} ${tooLarge ? `inflates past the limit of ${options.maxBytes ?? 2 ** 32} bytes (maxBytes)` : `is corrupt or truncated (${(error as Error).message})`}`,
          { cause: error },
        );
      }
      budget -= inflated.length;
      const inner = new MatElementReader(inflated, littleEndian, fail);
      for (let at = 0; at < inflated.length; ) {
        const el = inner.element(at, inflated.length, `compressed variable at offset ${pos}`);
        add(parseMatrix(inner, el, `compressed variable at offset ${pos}`));
        at = el.next;
      }
    } else {
      add(parseMatrix(file, element, `variable at offset ${pos}`));
    }
    pos = element.next;
  }
  return variables;
}

/**
 * Reads a MAT-file from disk with {@link readMat}; a missing or unreadable file is a
 * {@link DatasetError} naming it too.
 *
 * @example
 * ```ts
 * const { synsets } = await readMatFile('ILSVRC2012_devkit_t12/data/meta.mat');
 * ```
 */
export async function readMatFile(path: string, options: Omit<ReadMatOptions, 'name'> = {}): Promise<Record<string, MatValue>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DatasetError(`${path}: cannot read the MAT-file: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { cause: error });
  }
  return readMat(bytes, { ...options, name: path });
}
