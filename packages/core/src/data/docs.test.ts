// Runs every example of docs/data.md: blocks marked `ts file=NAME` are written as modules, blocks
// marked `ts run` are run as programs (through tsx, with '@dl/core' pointing at these sources).
// DL_DOCS_ECHO=1 prints what each example printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const guide = readFileSync(new URL('../../../../docs/data.md', import.meta.url), 'utf8');
const blocks = [...guide.matchAll(/```ts (file=(\S+)|run)\n([\s\S]*?)```/g)].map((m) => ({ file: m[2] as string | undefined, code: m[3] }));
const core = new URL('../esm-entry.ts', import.meta.url).href;
const coreNode = new URL('../node.ts', import.meta.url).href;
const tsxPkg = createRequire(import.meta.url).resolve('tsx/package.json');
const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
const tsxCli = join(dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx);

const dir = mkdtempSync(join(tmpdir(), 'dl-data-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
const localize = (code: string) => code.replaceAll("'@dl/core/node'", `'${coreNode}'`).replaceAll("'@dl/core'", `'${core}'`);
for (const b of blocks) if (b.file) writeFileSync(join(dir, b.file), localize(b.code));

describe('docs/data.md', () => {
  it('has examples to run', () => {
    expect(blocks.filter((b) => !b.file).length).toBeGreaterThanOrEqual(5);
  });

  blocks.forEach((b, i) => {
    if (b.file) return;
    const first = b.code.split('\n').find((l) => l && !l.startsWith('import')) ?? '';
    it(`runs example ${i} (${first.slice(0, 50)})`, () => {
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(file, localize(b.code));
      const r = spawnSync(process.execPath, [tsxCli, file], { cwd: dir, encoding: 'utf8', timeout: 240_000, env: { ...process.env, DL_BACKEND: process.env.DL_BACKEND ?? 'cpu' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      if (process.env.DL_DOCS_ECHO) console.log(r.stdout);
    }, 300_000);
  });
});
