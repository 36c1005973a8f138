import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChromeTrace } from '../trace/chrome-trace';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(pkg, 'dist', 'cjs', 'cli.js');
const fixtures = join(pkg, 'test', 'fixtures', 'bottleneck');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : name.endsWith('.test.ts') ? 0 : s.mtimeMs);
  }
  return t;
}

function run(args: string[]): { code: number | null; out: string; err: string } {
  // tsx reads the working directory's tsconfig; the package's maps @dl/core to its sources.
  const env = { ...process.env, TSX_TSCONFIG_PATH: join(fixtures, 'tsconfig.json') };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: pkg, encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** dl-bottleneck's own frames in a stack trace: what "no stack dump from the profiler" rules out. */
const OWN_FRAMES = /at .*(dist\/cjs\/cli\.js|bottleneck-preload|dist\/cjs\/chunk-)/;

beforeAll(() => {
  // The CLI under test is the built bin (turbo's test task builds first).
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(pkg, 'src'))) {
    throw new Error(`dist/cjs/cli.js is missing or older than src/: build @dl/profiler first (npx tsup in ${pkg})`);
  }
});

describe('dl-bottleneck on a training script', () => {
  it('prints the environment, the top JavaScript functions and the top ops, and writes the trace and HTML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-bottleneck-'));
    const trace = join(dir, 'trace.json');
    const html = join(dir, 'report.html');
    const r = run(['--top', '10', '--trace', trace, '--html', html, join(fixtures, 'train.mjs'), '4']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = r.out;
    expect(out).toContain('Environment Summary');
    expect(out).toMatch(/@dl\/core\s+\d+\.\d+\.\d+/);
    expect(out).toMatch(/@tensorflow\/tfjs-core\s+4\.22\.0/);
    expect(out).toMatch(/Node\.js v\d+\.\d+\.\d+ \(V8 /);
    expect(out).toMatch(/CPU: .+ x \d+/);
    expect(out).toMatch(/Memory: [\d.]+ GB total/);
    expect(out).toContain(`tfjs backend: ${process.env.DL_BACKEND} (DL_BACKEND)`);
    // The script's own output comes through.
    expect(out).toMatch(/trained 4 steps, last loss \d\.\d{4}/);
    expect(out).toContain('V8 CPU profile: top 10 JavaScript functions by self time');
    expect(out).toMatch(/busyJavaScript\s+test\/fixtures\/bottleneck\/train\.mjs:13/);
    expect(out).toContain(`@dl op profiler: top 10 events by cpu_time_total (tfjs backend: ${process.env.DL_BACKEND})`);
    const table = out.slice(out.indexOf('@dl op profiler'));
    expect(table).toMatch(/Name\s+Self CPU %\s+Self CPU\s+CPU total %\s+CPU total\s+CPU time avg\s+# of Calls/);
    for (const op of ['Linear', 'LinearBackward', 'CrossEntropyLoss', 'DataLoader.next']) expect(table).toMatch(new RegExp(`^\\s+${op}\\s+\\d`, 'm'));
    expect(table).toMatch(/Self CPU time total: [\d.]+(us|ms|s)/);
    expect(out).toContain(`Chrome trace written to ${trace}`);
    expect(out).toContain(`HTML report written to ${html}`);

    const parsed = JSON.parse(readFileSync(trace, 'utf8')) as ChromeTrace;
    const names = new Set(parsed.traceEvents.map((e) => e.name));
    for (const n of ['Linear', 'LinearBackward', 'tfjs::BatchMatMul', 'DataLoader.next']) expect(names).toContain(n);
    const linear = parsed.traceEvents.find((e) => e.name === 'Linear')!;
    expect(linear.args?.['Input Dims']).toEqual([[16, 32], [64, 32], [64]]);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|https?:\/\/(?!ui\.perfetto)/);
  });

  it('runs TypeScript scripts through tsx', () => {
    const r = run([join(fixtures, 'train-ts.ts')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('typescript ok 0');
    expect(r.out).toMatch(/^\s+Linear\s+\d/m);
  });

  it('hooks the CommonJS build for scripts that require @dl/core', () => {
    const r = run([join(fixtures, 'required.cjs')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('commonjs ok');
    expect(r.out).toMatch(/^\s+MatMul\s+\d/m);
  });
});

describe('dl-bottleneck on bad input', () => {
  it('passes a failing script through: its error and exit code, and the profile so far', () => {
    const script = join(fixtures, 'throws.mjs');
    // Node exits with 1 on an uncaught error; with tfjs-wasm loaded, its handler makes that 7.
    const direct = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(direct.status).toBeGreaterThan(0);
    const r = run([script]);
    expect(r.code, r.err).toBe(direct.status);
    expect(r.err).toContain('Error: model diverged at step 3');
    expect(r.err).not.toMatch(OWN_FRAMES);
    expect(r.out).toContain(`The script exited with code ${direct.status}: the profile below covers it up to then`);
    expect(r.out).toMatch(/^\s+MatMul\s+\d.*\s3\s*$/m);
  });

  it('passes an explicit exit code through', () => {
    const r = run([join(fixtures, 'exits.mjs'), '7']);
    expect(r.code, r.err).toBe(7);
    expect(r.out).toContain('The script exited with code 7');
    expect(r.out).toMatch(/^\s+MatMul\s+\d/m);
    expect(r.err).toBe('');
  });

  it('says so when the script is killed before a profile could be saved', () => {
    const r = run([join(fixtures, 'killed.mjs')]);
    expect(r.code).toBe(128 + 9);
    expect(r.err.trim()).toBe('dl-bottleneck: the script was killed by SIGKILL before a profile could be saved; nothing to report');
  });

  it('reports a missing script in one line, without running anything', () => {
    const r = run(['no-such-script.js']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`dl-bottleneck: cannot find the script 'no-such-script.js' (looked for ${join(pkg, 'no-such-script.js')})`);
    expect(r.out).toBe('');
  });

  it('refuses directories and files that are not scripts', () => {
    expect(run([fixtures]).err.trim()).toBe(`dl-bottleneck: '${fixtures}' is a directory, not a script`);
    const r = run([join(pkg, 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`dl-bottleneck: '${join(pkg, 'package.json')}' is not a JavaScript or TypeScript file (expected .js, .mjs, .cjs, .ts, .mts or .cts)`);
  });

  it('checks output paths before running the script', () => {
    const bad = join(tmpdir(), 'no-such-dir-dl-bottleneck', 'report.html');
    const r = run(['--html', bad, join(fixtures, 'train.mjs')]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`dl-bottleneck: cannot write the --html file '${bad}': ENOENT: no such file or directory, open '${bad}'`);
    expect(r.out).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'dl-bottleneck-'));
    const t = run(['--trace', dir, join(fixtures, 'train.mjs')]);
    expect(t.code).toBe(2);
    expect(t.err.trim()).toBe(`dl-bottleneck: cannot write the --trace file '${dir}': it is a directory`);
  });

  it('explains usage errors', () => {
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^dl-bottleneck: missing the script to run\n\nUsage: dl-bottleneck \[options\]/);
    const unknown = run(['--fast', 'x.js']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("dl-bottleneck: unknown option '--fast'");
    const sort = run(['--sort', 'cuda_time', 'x.js']);
    expect(sort.err).toContain("dl-bottleneck: --sort: sortBy 'cuda_time' is not a valid key");
    expect(run(['--top', '0', 'x.js']).err).toContain("dl-bottleneck: --top should be a positive integer, got '0'");
    expect(run(['--html']).err).toContain('dl-bottleneck: --html needs a value');
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: dl-bottleneck');
    expect(run(['--version']).out.trim()).toBe(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version);
  });
});
