import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ValueError } from '../../errors/value-error';

const TS_EXT = /\.(ts|mts|cts|tsx)$/i;

/** @internal Whether a module URL names a TypeScript file. */
export function isTypeScriptModule(href: string): boolean {
  return href.startsWith('file:') && TS_EXT.test(new URL(href).pathname);
}

function tsxApiFrom(base: string): string | null {
  try {
    const req = createRequire(base);
    const pkgJson = req.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports?: Record<string, unknown> };
    const entry = pkg.exports?.['./esm/api'] as { import?: { default?: string } | string } | undefined;
    const rel = typeof entry?.import === 'string' ? entry.import : (entry?.import?.default ?? './dist/esm/api/index.mjs');
    const file = join(dirname(pkgJson), rel);
    return existsSync(file) ? pathToFileURL(file).href : null;
  } catch {
    return null;
  }
}

/**
 * @internal The URL of tsx's ESM API when a worker must import TypeScript modules (Node 20 has
 * no TypeScript support of its own, and workers do not inherit the main thread's loader). Looked
 * up next to the TypeScript modules, next to @dl/core, then from the working directory.
 */
export function findTsLoader(tsModules: readonly string[], selfUrl: string): string | null {
  if (tsModules.length === 0) return null;
  const bases = [...tsModules.map((m) => fileURLToPath(m)), fileURLToPath(selfUrl), join(process.cwd(), 'noop.js')];
  for (const base of bases) {
    const api = tsxApiFrom(base);
    if (api) return api;
  }
  const nodeStrips = (process as { features?: { typescript?: unknown } }).features?.typescript;
  if (nodeStrips) return null;
  throw new ValueError(
    `DataLoader workers: ${tsModules[0]} is TypeScript, and worker threads need a loader for it: install tsx (npm install --save-dev tsx), or point the workerSpec at compiled JavaScript`,
  );
}
