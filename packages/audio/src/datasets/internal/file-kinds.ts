import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** @internal Whether `path` is a folder (following links). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** @internal Whether `path` is a file (following links). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** @internal One entry of a folder, with links resolved to what they point at. */
export interface FolderEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

/**
 * @internal The entries of a folder sorted by name (as Python's `sorted` orders strings), hidden
 * ones included as `pathlib.Path.glob` includes them; an empty list when it is not a folder.
 */
export async function listFolder(path: string): Promise<FolderEntry[]> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(path, { withFileTypes: true });
  } catch {
    return [];
  }
  const entries = await Promise.all(
    dirents.map(async (d): Promise<FolderEntry> => {
      if (!d.isSymbolicLink()) return { name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory() };
      const target = await stat(join(path, d.name)).catch(() => undefined);
      return { name: d.name, isFile: target?.isFile() ?? false, isDirectory: target?.isDirectory() ?? false };
    }),
  );
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** @internal The sorted names of the files in a folder that end with `suffix` (case-sensitive, like a glob). */
export async function filesEndingWith(path: string, suffix: string): Promise<string[]> {
  return (await listFolder(path)).filter((e) => e.isFile && e.name.endsWith(suffix)).map((e) => e.name);
}

/** @internal The sorted names of the sub-folders of a folder. */
export async function subfolders(path: string): Promise<string[]> {
  return (await listFolder(path)).filter((e) => e.isDirectory).map((e) => e.name);
}
