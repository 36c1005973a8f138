// Runs every example of docs/data.md: blocks marked `ts file=NAME` are written as modules, blocks
// marked `ts run` are programs, run one after another in one tsx process (with '@dl/core' pointing
// at these sources). DL_DOCS_ECHO=1 prints what the examples printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const guide = readFileSync(new URL('../../../../docs/data.md', import.meta.url), 'utf8');
const blocks = [...guide.matchAll(/```ts (file=(\S+)|run)\n([\s\S]*?)```/g)].map((m) => ({ file: m[2] as string | undefined, code: m[3] }));
const programs = blocks.map((b, i) => ({ ...b, index: i })).filter((b) => !b.file);
const core = new URL('../../test/support/core-entry.ts', import.meta.url).href;
const coreNode = new URL('../node.ts', import.meta.url).href;
const tsxPkg = createRequire(import.meta.url).resolve('tsx/package.json');
const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
const tsxCli = join(dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx);
const localize = (code: string) => code.replaceAll("'@dl/core/node'", `'${coreNode}'`).replaceAll("'@dl/core'", `'${core}'`);

const dir = mkdtempSync(join(tmpdir(), 'dl-data-docs-'));
const results = new Map<number, string>();
let output = '';
let stderr = '';

beforeAll(() => {
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const b of blocks) if (b.file) writeFileSync(join(dir, b.file), localize(b.code));
  for (const p of programs) writeFileSync(join(dir, `example-${p.index}.ts`), localize(p.code));
  const runner = [
    `for (const i of ${JSON.stringify(programs.map((p) => p.index))}) {`,
    "  try { await import(`./example-${i}.ts`); console.log(`@@ok ${i}`); }",
    "  catch (e) { console.log(`@@fail ${i} ${String(e && e.stack || e).replaceAll('\\n', ' | ')}`); }",
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'run-all.ts'), runner);
  const r = spawnSync(process.execPath, [tsxCli, join(dir, 'run-all.ts')], { cwd: dir, encoding: 'utf8', timeout: 400_000, env: { ...process.env, DL_BACKEND: process.env.DL_BACKEND ?? 'cpu' } });
  output = `${r.stdout}\n${r.stderr}`;
  stderr = r.stderr;
  for (const m of r.stdout.matchAll(/^@@(ok|fail) (\d+)(.*)$/gm)) results.set(Number(m[2]), m[1] === 'ok' ? 'ok' : m[3].trim());
  if (process.env.DL_DOCS_ECHO) console.log(output);
}, 420_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/data.md', () => {
  it('has examples to run', () => {
    expect(programs.length).toBeGreaterThanOrEqual(5);
  });

  for (const p of programs) {
    const first = p.code.split('\n').find((l) => l && !l.startsWith('import')) ?? '';
    it(`runs example ${p.index} (${first.slice(0, 50)})`, () => {
      expect(results.get(p.index), output).toBe('ok');
    });
  }

  it('prints nothing on stderr', () => {
    expect(stderr).toBe('');
  });
});
