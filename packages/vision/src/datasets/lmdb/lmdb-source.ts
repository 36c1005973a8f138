import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from '@dl/core/node';

/**
 * @internal Where an LMDB reader's bytes come from: a `data.mdb` read with positioned reads (a
 * database of tens of GB is never loaded), or bytes already in memory.
 */
export interface LmdbSource {
  /** The file's name, for error messages. */
  readonly name: string;
  /** Its size in bytes. */
  readonly size: number;
  /** A fresh buffer with the `length` bytes at `position` (fewer at the end of the file). */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

/**
 * @internal Opens `path` for reading: an LMDB environment folder (its `data.mdb`, as
 * `lmdb.open(path)` reads it) or the data file itself.
 */
export function fileSource(path: string): LmdbSource {
  let name = path;
  let fd: number;
  try {
    if (statSync(path).isDirectory()) name = join(path, 'data.mdb');
    fd = openSync(name, 'r');
  } catch (error) {
    throw new DatasetError(`${name}: cannot open the LMDB database: ${(error as Error).message}`, { cause: error });
  }
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    name,
    size,
    read(position, length) {
      if (!open) throw new DatasetError(`${name}: the LMDB reader is closed`);
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
      let done = 0;
      while (done < buffer.length) {
        const n = readSync(fd, buffer, done, buffer.length - done, position + done);
        if (n === 0) return buffer.subarray(0, done); // the file shrank under us
        done += n;
      }
      return buffer;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** @internal `bytes` as an {@link LmdbSource} named `name` (reads return copies). */
export function bytesSource(bytes: Uint8Array, name: string): LmdbSource {
  let open = true;
  return {
    name,
    size: bytes.length,
    read(position, length) {
      if (!open) throw new DatasetError(`${name}: the LMDB reader is closed`);
      return bytes.slice(position, Math.min(bytes.length, position + length));
    },
    close() {
      open = false;
    },
  };
}
