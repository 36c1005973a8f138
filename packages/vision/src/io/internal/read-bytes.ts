import { readFile } from 'node:fs/promises';
import { ArgumentTypeError } from '@dl/core';
import { ImageError } from '../../errors/image-error';
import { describeInput } from '../../transforms/functional/internal/image-input';
import { plainBytes } from './image-bytes';

/** @internal A file's bytes; a missing or unreadable file is an ImageError naming it. */
export async function readBytes(path: unknown, op: string): Promise<Uint8Array> {
  if (typeof path !== 'string' && !(path instanceof URL)) throw new ArgumentTypeError(`${op}: expected a file path (string or URL), got ${describeInput(path)}`);
  try {
    return plainBytes(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ImageError(`${op}: ${String(path)}: cannot read the file (${why})`, { cause: error });
  }
}
