import { CheckpointError } from './checkpoint-error';

/**
 * @internal Random access to the bytes of a checkpoint: an in-memory array or an open file, so
 * large files are read piece by piece instead of whole.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** A short name for messages (file path or `<bytes>`). */
  readonly name: string;
  /** Exactly `length` bytes at `offset`; may be a view of shared memory (callers must not modify it). */
  read(offset: number, length: number): Uint8Array;
}

/** @internal Checks a read lies inside the source, with an error that says the file is truncated. */
export function checkRange(source: ByteSource, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > source.size) {
    throw new CheckpointError(`${source.name}: ${what} needs bytes ${offset}..${offset + length} but the file has ${source.size} bytes (truncated or corrupt)`);
  }
}

/** @internal A source over bytes already in memory (reads are zero-copy views). */
export function bytesSource(bytes: Uint8Array, name = '<bytes>'): ByteSource {
  return {
    size: bytes.length,
    name,
    read(offset, length) {
      checkRange(this, offset, length, 'a read');
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** @internal A sub-range of another source, as its own source (a zip entry, a storage). */
export function sliceSource(source: ByteSource, start: number, length: number, name: string): ByteSource {
  checkRange(source, start, length, name);
  return {
    size: length,
    name,
    read(offset, len) {
      checkRange(this, offset, len, 'a read');
      return source.read(start + offset, len);
    },
  };
}
