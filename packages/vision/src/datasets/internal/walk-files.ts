import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodePoints } from './compare-code-points';
import { listFolder } from './list-folder';

interface WalkedFolder {
  path: string;
  files: string[];
}

/**
 * @internal The files under `top`, in the order of torchvision's
 * `for root, _, fnames in sorted(os.walk(top, followlinks=True)): for fname in sorted(fnames)`:
 * folders by path (code point order), then each folder's file names sorted. Symlinked folders
 * are followed; anything that is not a folder (after following links) counts as a file. Folders
 * that cannot be listed are skipped, as `os.walk` does. Unlike `os.walk`, a link back to a
 * folder being walked is not followed again, so a cycle ends.
 */
export async function walkFiles(top: string): Promise<string[]> {
  const folders: WalkedFolder[] = [];
  await walk(top, new Set(), folders);
  folders.sort((a, b) => compareCodePoints(a.path, b.path));
  const paths: string[] = [];
  for (const folder of folders) {
    for (const name of folder.files.sort(compareCodePoints)) paths.push(join(folder.path, name));
  }
  return paths;
}

async function walk(path: string, ancestors: ReadonlySet<string>, out: WalkedFolder[]): Promise<void> {
  let id: string;
  let entries: Awaited<ReturnType<typeof listFolder>>;
  try {
    const info = await stat(path, { bigint: true });
    id = `${info.dev}:${info.ino}`;
    entries = await listFolder(path);
  } catch {
    return;
  }
  if (ancestors.has(id)) return;
  out.push({ path, files: entries.filter((e) => !e.isDirectory).map((e) => e.name) });
  const inside = new Set(ancestors).add(id);
  await Promise.all(entries.filter((e) => e.isDirectory).map((e) => walk(join(path, e.name), inside, out)));
}
