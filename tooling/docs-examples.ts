// Runs the ```ts run blocks of a guide in docs/ as programs, one after another in one tsx
// process in a scratch folder (the packages' test/docs.test.ts use it). Each example's imports of
// the package and of '@dl/core' are pointed at the package's sources and its @dl/core.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One `ts run` block of a guide: its position among them and its code. */
export interface DocsProgram {
  index: number;
  code: string;
}

/** What {@link runDocsExamples} saw. */
export interface DocsRun {
  programs: DocsProgram[];
  /** 'ok', or the error of the example that failed, per index. */
  results: Map<number, string>;
  /** stdout and stderr together. */
  output: string;
  stderr: string;
}

/** The `ts run` blocks of a guide. */
export function docsPrograms(guidePath: URL): DocsProgram[] {
  const guide = readFileSync(guidePath, 'utf8');
  return [...guide.matchAll(/```ts run\n([\s\S]*?)```/g)].map((m, index) => ({ index, code: m[1]! }));
}

/**
 * Writes each example of `guidePath` into `dir` with `'<packageName>'` replaced by `entry` (the
 * package's src/index.ts) and '@dl/core' by the @dl/core the package resolves, runs them in order
 * with tsx, and collects which passed; `echo` prints what they printed.
 */
export function runDocsExamples(options: { guidePath: URL; packageName: string; entry: URL; testFile: string; dir: string; backend: string; echo?: boolean }): DocsRun {
  const { guidePath, packageName, entry, testFile, dir, backend, echo = false } = options;
  const programs = docsPrograms(guidePath);
  const require = createRequire(testFile);
  const tsxPkg = require.resolve('tsx/package.json');
  const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
  const tsxCli = join(dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx);
  const core = new URL(`file://${require.resolve('@dl/core')}`).href;
  const localize = (code: string) => code.replaceAll(`'${packageName}'`, `'${entry.href}'`).replaceAll("'@dl/core'", `'${core}'`);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const p of programs) writeFileSync(join(dir, `example-${p.index}.ts`), localize(p.code));
  const runner = [
    `for (const i of ${JSON.stringify(programs.map((p) => p.index))}) {`,
    "  try { await import(`./example-${i}.ts`); console.log(`@@ok ${i}`); }",
    "  catch (e) { console.log(`@@fail ${i} ${String(e && e.stack || e).replaceAll('\\n', ' | ')}`); }",
    '}',
    'process.exit(0);',
  ].join('\n');
  writeFileSync(join(dir, 'run-all.ts'), runner);
  const r = spawnSync(process.execPath, [tsxCli, join(dir, 'run-all.ts')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DL_BACKEND: process.env.DL_BACKEND ?? backend },
  });
  const results = new Map<number, string>();
  for (const m of r.stdout.matchAll(/^@@(ok|fail) (\d+)(.*)$/gm)) results.set(Number(m[2]), m[1] === 'ok' ? 'ok' : m[3]!.trim());
  const output = `${r.stdout}\n${r.stderr}`;
  if (echo) console.log(output);
  return { programs, results, output, stderr: r.stderr };
}
