import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** @internal One entry of a folder, with symlinks resolved as Python's `DirEntry.is_dir()` does. */
export interface FolderEntry {
  /** The entry's name. */
  name: string;
  /** Whether it is a folder, or a symlink to one. */
  isDirectory: boolean;
}

/**
 * @internal The entries of a folder (like `os.scandir`), a symlink counting as a folder when it
 * points at one (a broken link is a file). Errors of `readdir` itself propagate.
 */
export async function listFolder(directory: string): Promise<FolderEntry[]> {
  const entries: Dirent[] = await readdir(directory, { withFileTypes: true });
  return Promise.all(
    entries.map(async (entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(join(directory, entry.name)))),
    })),
  );
}

/** @internal Whether `path` is a folder (following symlinks); false when it does not exist. */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
