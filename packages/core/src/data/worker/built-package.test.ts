import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dist = new URL('../../../dist/', import.meta.url);
const built = existsSync(fileURLToPath(new URL('cjs/data-worker.js', dist))) && existsSync(fileURLToPath(new URL('cjs/index.js', dist)));
const dir = mkdtempSync(join(tmpdir(), 'dl-data-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A plain-JavaScript dataset module, as a published package's user writes it.
const datasetModule = `
import * as dl from ${JSON.stringify(new URL('node-esm/index.js', dist).href)};
export class Squares extends dl.Dataset {
  constructor(n) { super(); this.n = n; }
  get length() { return this.n; }
  getItem(i) { return [dl.tensor([i, i * i]), i]; }
  workerSpec() { return { module: import.meta.url, export: 'Squares', args: [this.n] }; }
}
`;

const esmMain = `
import * as dl from ${JSON.stringify(new URL('node-esm/index.js', dist).href)};
import * as node from ${JSON.stringify(new URL('node-esm/node.js', dist).href)};
import { Squares } from './squares.mjs';
const out = [];
for await (const [x, i] of new dl.DataLoader(new Squares(7), { batchSize: 3, numWorkers: 2 })) out.push([x.shape, x.tolist(), i.tolist(), x instanceof dl.Tensor]);
console.log(JSON.stringify({ out, live: node.dataLoaderWorkerCount() }));
`;

// CommonJS main thread, ESM dataset module: Node's ESM entry re-exports the CommonJS build, so both
// are one copy of @dl/core.
const cjsMain = `
const dl = require(${JSON.stringify(fileURLToPath(new URL('cjs/index.js', dist)))});
(async () => {
  await dl.ready();
  const { Squares } = await import('./squares.mjs');
  const out = [];
  for await (const [x] of new dl.DataLoader(new Squares(4), { batchSize: 2, numWorkers: 1 })) out.push([x.tolist(), x instanceof dl.Tensor]);
  console.log(JSON.stringify({ out }));
})();
`;

// TypeScript dataset modules (ESM syntax) that import '@dl/core' by name, as users write them:
// workers compile the first with tsx's CommonJS hook; the second (.mts, an ES module) has top-level await, so they
// fall back to tsx's ES module hooks. Each item reports how its module was loaded.
const tsDataset = (name: string, extra: string) => `
import * as dl from '@dl/core';
${extra}
// Only a module that require() loaded is in require.cache.
const how = typeof require === 'function' && typeof __filename === 'string' && require.cache[__filename] ? 'commonjs' : 'esm';
export class ${name} extends dl.Dataset<[dl.Tensor, number, string]> {
  constructor(readonly n: number) { super(); }
  get length(): number { return this.n; }
  getItem(i: number): [dl.Tensor, number, string] {
    return [dl.tensor([i, i * i]), i, how];
  }
}
`;
const tsMain = `
import * as dl from ${JSON.stringify(new URL('node-esm/index.js', dist).href)};
const out = [];
for (const [name, file] of [['TsSquares', './ts-squares.ts'], ['TlaSquares', './tla-squares.mts']]) {
  // The main thread needs no TypeScript: workers rebuild the dataset from its spec.
  const ds = { length: 5, getItem: () => { throw new Error('main thread'); }, workerSpec: () => ({ module: new URL(file, import.meta.url), export: name, args: [5] }) };
  for await (const [x, i, how] of new dl.DataLoader(ds, { batchSize: 2, numWorkers: 2 })) out.push([name, x.tolist(), i.tolist(), how]);
}
console.log(JSON.stringify(out));
`;

function run(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 180_000, env: { ...process.env, DL_BACKEND: process.env.DL_BACKEND ?? 'cpu' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('DataLoader workers from the built package (skipped until `pnpm build` has made dist/)', () => {
  it('loads a .js dataset module in workers from an ESM program, with no TypeScript loader', () => {
    writeFileSync(join(dir, 'squares.mjs'), datasetModule);
    writeFileSync(join(dir, 'main.mjs'), esmMain);
    const r = run(join(dir, 'main.mjs'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      out: [
        [[3, 2], [[0, 0], [1, 1], [2, 4]], [0, 1, 2], true],
        [[3, 2], [[3, 9], [4, 16], [5, 25]], [3, 4, 5], true],
        [[1, 2], [[6, 36]], [6], true],
      ],
      live: 0,
    });
  }, 200_000);

  it('serves a CommonJS program whose dataset module uses the ESM build', () => {
    writeFileSync(join(dir, 'squares.mjs'), datasetModule);
    writeFileSync(join(dir, 'main.cjs'), cjsMain);
    const r = run(join(dir, 'main.cjs'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out: [[[[0, 0], [1, 1]], true], [[[2, 4], [3, 9]], true]] });
  }, 200_000);

  it('loads TypeScript dataset modules in workers through tsx, falling back to its ES module hooks for top-level await', () => {
    const core = fileURLToPath(new URL('..', dist));
    mkdirSync(join(dir, 'node_modules', '@dl'), { recursive: true });
    if (!existsSync(join(dir, 'node_modules', '@dl', 'core'))) symlinkSync(core, join(dir, 'node_modules', '@dl', 'core'), 'dir');
    writeFileSync(join(dir, 'ts-squares.ts'), tsDataset('TsSquares', ''));
    writeFileSync(join(dir, 'tla-squares.mts'), tsDataset('TlaSquares', 'await Promise.resolve();'));
    writeFileSync(join(dir, 'ts-main.mjs'), tsMain);
    const r = run(join(dir, 'ts-main.mjs'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const batches = (how: string) => [
      [[[0, 0], [1, 1]], [0, 1], [how, how]],
      [[[2, 4], [3, 9]], [2, 3], [how, how]],
      [[[4, 16]], [4], [how]],
    ];
    expect(JSON.parse(r.stdout)).toEqual([...batches('commonjs').map((b) => ['TsSquares', ...b]), ...batches('esm').map((b) => ['TlaSquares', ...b])]);
  }, 200_000);
});
