import { open } from 'node:fs/promises';
import { DatasetError } from '@dl/core/node';

/**
 * @internal A file's bytes, read in pieces into one array, so files past Node's 2 GiB `readFile`
 * limit (STL-10's 2.7 GB `unlabeled_X.bin`) load too. Errors are {@link DatasetError}s naming it.
 */
export async function readWholeFile(path: string, dataset: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const out = new Uint8Array(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(out, at, Math.min(1 << 26, size - at), at);
      if (bytesRead === 0) throw Object.assign(new Error(`the file shrank to ${at} bytes while being read`), { code: 'EIO' });
      at += bytesRead;
    }
    return out;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DatasetError(`${dataset}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { cause: error });
  } finally {
    await handle?.close();
  }
}
