// Issue point 3: a consumer project type-checks against the installed tarballs, as ESM
// (`module: nodenext`), as CommonJS (`module: node16`, plus a .cts file) and with
// `moduleResolution: bundler`, all `strict` with `skipLibCheck: false`, so the shipped .d.ts /
// .d.cts files themselves must compile. The consumers are in fixtures/consumers; each imports
// every published entry point (shared/uses.ts) and uses typed APIs.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject, it } from 'vitest';
import { consumerOf, describeRun, nodeBin, run } from './support.ts';

const ctx = inject('packaging');

const CONSUMERS = [
  { kind: 'esm', what: 'ESM ("type": "module", module/moduleResolution nodenext)' },
  { kind: 'cjs', what: 'CommonJS ("type": "commonjs", module/moduleResolution node16, and a .cts file)' },
  { kind: 'bundler', what: 'bundler (module esnext, moduleResolution bundler)' },
] as const;

/** tsc's diagnostics: how many per file, then the first 60 lines (paths relative to node_modules). */
function summarize(output: string): string {
  const lines = output.trim().split('\n').map((l) => l.replace(/^\/\S*?\/node_modules\//, 'node_modules/'));
  const errors = lines.filter((l) => /error TS\d+/.test(l));
  const perFile = new Map<string, number>();
  for (const l of errors) {
    const file = l.replace(/\(\d+,\d+\): error.*$/, '');
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const head = lines.slice(0, 60).join('\n');
  return [
    `${errors.length} error(s):`,
    ...[...perFile].map(([f, n]) => `  ${n} in ${f}`),
    '',
    head,
    lines.length > 60 ? `... ${lines.length - 60} more line(s)` : '',
  ].join('\n');
}

// tsc is mostly waiting on the disk and one core: the three consumers are checked concurrently.
describe.concurrent('type-checking a consumer of the installed tarballs (strict, skipLibCheck: false)', () => {
  it.for(CONSUMERS)('$what: tsc --noEmit passes', async ({ kind }, { expect }) => {
    const consumer = consumerOf(ctx);
    const dir = join(consumer, 'consumers', kind);
    copyFileSync(join(consumer, 'consumers/shared/uses.ts'), join(dir, 'uses.ts'));
    const tsc = join(consumer, 'node_modules/typescript/bin/tsc');
    const r = await run(nodeBin, [tsc, '--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, timeoutMs: 240_000 });
    expect(r.code, `tsc on the ${kind} consumer (${dir}) failed:\n${summarize(`${r.stdout}${r.stderr}`) || describeRun(r)}`).toBe(0);
  });
});
