import { lstat, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Moves everything in `source` into `destination` by renames (same file system), merging
 * folders that exist on both sides and replacing anything else. Links in `destination` are
 * replaced, never followed.
 */
export async function mergeFolder(source: string, destination: string): Promise<void> {
  for (const name of await readdir(source)) {
    const from = join(source, name);
    const to = join(destination, name);
    const existing = await lstat(to).catch(() => undefined);
    if (existing === undefined) {
      await rename(from, to);
      continue;
    }
    const incoming = await lstat(from);
    if (incoming.isDirectory() && existing.isDirectory()) {
      await mergeFolder(from, to);
    } else {
      if (existing.isDirectory() || incoming.isDirectory()) await rm(to, { recursive: true, force: true });
      await rename(from, to);
    }
  }
}
