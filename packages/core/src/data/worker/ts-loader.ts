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

/** @internal How a worker loads TypeScript modules: tsx's APIs (either may be missing). */
export interface TsLoader {
  /** tsx's ESM API (a `file:` URL): `register()` adds module hooks (a hooks thread) for `import()`. */
  esm: string | null;
  /** tsx's CommonJS API (a path): `register()` compiles `.ts` files for `require()`, in the thread itself. */
  cjs: string | null;
}

type ExportEntry = string | { import?: ExportEntry; require?: ExportEntry; default?: string } | undefined;

function entryFile(entry: ExportEntry, condition: 'import' | 'require'): string | null {
  if (entry === undefined) return null;
  if (typeof entry === 'string') return entry;
  const c = entry[condition];
  if (c !== undefined) return entryFile(c, condition);
  return entry.default ?? null;
}

function tsxApiFrom(base: string): TsLoader | null {
  try {
    const req = createRequire(base);
    const pkgJson = req.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports?: Record<string, ExportEntry> };
    const file = (key: string, condition: 'import' | 'require', fallback: string): string | null => {
      const f = join(dirname(pkgJson), entryFile(pkg.exports?.[key], condition) ?? fallback);
      return existsSync(f) ? f : null;
    };
    const esm = file('./esm/api', 'import', './dist/esm/api/index.mjs');
    const cjs = file('./cjs/api', 'require', './dist/cjs/api/index.cjs');
    return esm || cjs ? { esm: esm && pathToFileURL(esm).href, cjs } : null;
  } catch {
    return null;
  }
}

/**
 * @internal tsx's loader APIs when a worker must load TypeScript modules (Node 20 has no
 * TypeScript support of its own, and workers do not inherit the main thread's loader). Looked up
 * next to the TypeScript modules, next to @dl/core, then from the working directory.
 */
export function findTsLoader(tsModules: readonly string[], selfUrl: string): TsLoader | null {
  if (tsModules.length === 0) return null;
  const bases = [...tsModules.map((m) => fileURLToPath(m)), fileURLToPath(selfUrl), join(process.cwd(), 'noop.js')];
  for (const base of bases) {
    const api = tsxApiFrom(base);
    if (api?.esm) return api;
  }
  const nodeStrips = (process as { features?: { typescript?: unknown } }).features?.typescript;
  if (nodeStrips) return null;
  throw new ValueError(
    `DataLoader workers: ${tsModules[0]} is TypeScript, and worker threads need a loader for it: install tsx (npm install --save-dev tsx), or point the workerSpec at compiled JavaScript`,
  );
}
