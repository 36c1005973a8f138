import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CheckpointError } from './checkpoint-error';

/** @internal The temporary name `writeFileAtomic` writes to before renaming (same directory, hidden). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * @internal Writes chunks to `path` atomically: into a temporary file in the same directory,
 * fsync, then rename over the target (and fsync the directory), so a crash or kill at any
 * moment leaves either the old file or the complete new one under the final name, never a
 * truncated one. The temporary file is removed when writing fails.
 */
export async function writeFileAtomic(path: string, chunks: readonly Uint8Array[], op: string): Promise<void> {
  const target = resolve(path);
  const tmp = tempPathFor(target);
  try {
    const fh = await open(tmp, 'wx');
    try {
      for (const chunk of chunks) {
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await fh.write(chunk, done, chunk.length - done);
          done += bytesWritten;
        }
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new CheckpointError(`${op}: cannot write '${path}': ${(e as Error).message}`, { cause: e });
  }
  try {
    // Persist the rename itself; not every platform lets a directory be opened for fsync.
    const dir = await open(dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}
