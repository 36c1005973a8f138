import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkRange, type ByteSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';

/** @internal A `ByteSource` over an open file: reads only the ranges asked for. */
export interface FileSource extends ByteSource {
  close(): void;
}

/** @internal Opens a file for random-access reads, with a `CheckpointError` naming it on failure. */
export function openFileSource(path: string, op: string): FileSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CheckpointError(`${op}: cannot open '${path}': ${(e as Error).message}`, { cause: e });
  }
  let size: number;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CheckpointError(`${op}: '${path}' is a directory, not a checkpoint file`);
    size = st.size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return {
    size,
    name: path,
    read(offset, length) {
      checkRange(this, offset, length, 'a read');
      const buf = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buf, done, length - done, offset + done);
        if (n === 0) throw new CheckpointError(`${path}: the file shrank while being read (expected ${length} bytes at offset ${offset})`);
        done += n;
      }
      return buf;
    },
    close() {
      closeSync(fd);
    },
  };
}
