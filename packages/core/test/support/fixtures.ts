// Where a test's data files live: packages/core/test/fixtures (see its README.md). Every path a
// test reads is inside the package, so a fresh clone runs the whole suite.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `packages/core/test/fixtures/`. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Absolute path of a file under `test/fixtures/`, e.g. `fixturePath('nn', 'torch-layers.json')`. */
export function fixturePath(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** Parsed JSON of a file under `test/fixtures/`; a missing file names the path and the README. */
export function readFixtureJson<T>(...parts: string[]): T {
  const file = fixturePath(...parts);
  if (!existsSync(file)) throw new Error(`test fixture missing: ${file} (see packages/core/test/fixtures/README.md)`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
