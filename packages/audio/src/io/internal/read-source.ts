import { closeSync, fstatSync, openSync, read, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ArgumentTypeError } from '@dl/core';
import { AudioError } from '../../errors/audio-error';
import type { AudioSource } from '../audio-source';
import type { IoContext } from './context';

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return `an object (${(x as object).constructor?.name ?? 'Object'})`;
  return `${typeof x} ${String(x)}`;
}

/** The bytes of an in-memory source, or null for a path. */
function inMemory(source: AudioSource): Uint8Array | null {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  return null;
}

/** The file path of a path source (a string, or a file: URL), or an ArgumentTypeError. */
function pathOf(source: unknown, op: string): string {
  if (typeof source === 'string') {
    if (source.length === 0) throw new ArgumentTypeError(`${op}: expected a file path, got an empty string`);
    return source;
  }
  if (source instanceof URL) return fileURLToPath(source);
  throw new ArgumentTypeError(`${op}: expected a file path, a file URL, a Uint8Array (such as a Buffer) or an ArrayBuffer, got ${describe(source)}`);
}

function readFailed(op: string, path: string, error: unknown): AudioError {
  const why = error instanceof Error ? error.message : String(error);
  return new AudioError(`${op}: ${path}: cannot read the file (${why})`, { cause: error });
}

/**
 * Files up to this size are read without leaving the thread: from the page cache that takes
 * less time than one round trip through libuv's thread pool, which is what bounds the load rate
 * of small files (a 1 s 16 kHz WAV is 32 KB). Larger files are read on the thread pool.
 */
const READ_INLINE_LIMIT = 128 * 1024;

/** Reads an open file of `size` bytes on the thread pool (in several reads if the OS returns fewer bytes). */
function readAll(fd: number, size: number, done: (error: Error | null, data?: Uint8Array) => void): void {
  const buffer = Buffer.allocUnsafe(size);
  const step = (at: number) => {
    if (at >= size) return done(null, buffer);
    read(fd, buffer, at, size - at, at, (error, n) => {
      if (error) return done(error);
      // The file shrank while being read: return what it holds now.
      if (n === 0) return done(null, buffer.subarray(0, at));
      step(at + n);
    });
  };
  step(0);
}

/** @internal The bytes of a source and the context naming it in messages. */
export function readSource(source: AudioSource, op: string): Promise<{ bytes: Uint8Array; ctx: IoContext }> {
  const bytes = inMemory(source);
  if (bytes) return Promise.resolve({ bytes, ctx: { op, source: '<buffer>' } });
  const path = pathOf(source, op);
  const ctx = { op, source: path };
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return Promise.reject(readFailed(op, path, error));
  }
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    return Promise.reject(readFailed(op, path, error));
  }
  if (size <= READ_INLINE_LIMIT) {
    try {
      return Promise.resolve({ bytes: readSmall(fd, size), ctx });
    } catch (error) {
      return Promise.reject(readFailed(op, path, error));
    }
  }
  return new Promise((resolve, reject) => {
    readAll(fd, size, (error, data) => {
      closeSync(fd);
      if (error) reject(readFailed(op, path, error));
      else resolve({ bytes: data!, ctx });
    });
  });
}

/** Reads a small open file whole and closes it. */
function readSmall(fd: number, size: number): Uint8Array {
  try {
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buffer, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at < size ? buffer.subarray(0, at) : buffer;
  } finally {
    closeSync(fd);
  }
}

/** @internal readSource without waiting. */
export function readSourceSync(source: AudioSource, op: string): { bytes: Uint8Array; ctx: IoContext } {
  const bytes = inMemory(source);
  if (bytes) return { bytes, ctx: { op, source: '<buffer>' } };
  const path = pathOf(source, op);
  try {
    return { bytes: readFileSync(path), ctx: { op, source: path } };
  } catch (error) {
    throw readFailed(op, path, error);
  }
}
