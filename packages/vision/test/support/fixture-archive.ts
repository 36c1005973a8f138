import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { ArchiveEntrySpec } from '@dl/core/testing';
import { DATASET_FIXTURES, datasetFixture } from './dataset-fixtures';

/**
 * The entries of a fixture folder as an archive holds them: `<prefix>/` and every file under it,
 * named `<prefix>/<path>` (the folder's own name unless `prefix` is given), sorted.
 */
export function folderEntries(fixtureFolder: string, prefix = fixtureFolder.split('/').pop()!): ArchiveEntrySpec[] {
  const base = fileURLToPath(new URL(`${fixtureFolder}/`, DATASET_FIXTURES));
  const entries: ArchiveEntrySpec[] = prefix ? [{ name: `${prefix}/`, type: 'directory' }] : [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(base, path).split('\\').join('/');
      const archived = prefix ? `${prefix}/${rel}` : rel;
      if (statSync(path).isDirectory()) {
        entries.push({ name: `${archived}/`, type: 'directory' });
        walk(path);
      } else entries.push({ name: archived, data: datasetFixture(`${fixtureFolder}/${rel}`) });
    }
  };
  walk(base);
  return entries;
}
