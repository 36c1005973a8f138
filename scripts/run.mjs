#!/usr/bin/env node
// The root `npm start` / `npm test` / `npm run bench`: each installs what it needs (pnpm through
// npx, since corepack is not always usable), builds with turbo, then does its job. Only Node 20
// and npm are assumed. `npm test` also lints (Biome, a few seconds; see docs/internals/lint.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.8
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };

function run(cmd, args, opts = {}) {
  const shown = [cmd, ...args].join(' ');
  console.log(`\n$ ${shown}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
const pnpm = (args, opts) => run('npx', ['-y', pnpmSpec, ...args], opts);
const mustPnpm = (args, opts) => { const c = pnpm(args, opts); if (c !== 0) process.exit(c); };

function install() {
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  mustPnpm(['install', ...frozen, '--reporter=append-only']);
}

function workspaceDirs() {
  const out = [];
  for (const group of ['packages', 'apps', 'tests']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (existsSync(join(dir, name, 'package.json'))) out.push(join(dir, name));
  }
  return out;
}

const [task, ...rest] = process.argv.slice(2);
if (task === 'start') {
  install();
  const app = pkg.config?.mainApp ?? 'fizzbuzz';
  mustPnpm(['exec', 'turbo', 'run', 'build', `--filter=${app}...`, '--output-logs=errors-only']);
  // pnpm passes what follows the script name on to it (a '--' would reach the app as an argument).
  mustPnpm(['--filter', app, 'start', ...rest]);
} else if (task === 'test') {
  install();
  // Lint first (fast), but run the tests whatever it finds: a lint failure fails the run at the end.
  const lintCode = pnpm(['exec', 'biome', 'lint', '--error-on-warnings', '.']);
  if (lintCode !== 0) console.log(`\nlint failed (biome exited with ${lintCode}); the tests run anyway. Rerun with: npm run lint`);
  for (const dir of workspaceDirs()) rmSync(join(dir, '.vitest-result.json'), { force: true });
  // Builds and type-checks run two at a time (each is one tsc/esbuild process: on 2 cores that
  // halves their wall time); the test tasks then run one at a time, each using every core
  // itself, with the builds replayed from turbo's cache.
  const prepCode = pnpm(['exec', 'turbo', 'run', 'build', 'typecheck', '--continue', '--concurrency=2', '--output-logs=errors-only', ...rest]);
  const testCode = pnpm(['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1', '--output-logs=full', ...rest]);
  const code = prepCode !== 0 ? prepCode : testCode;
  let passed = 0, failed = 0, skipped = 0;
  const missing = [];
  for (const dir of workspaceDirs()) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!manifest.scripts?.test) continue;
    const file = join(dir, '.vitest-result.json');
    if (!existsSync(file)) { missing.push(manifest.name); continue; }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.passed; failed += r.failed; skipped += r.skipped;
  }
  if (missing.length) console.log(`\nno test results from: ${missing.join(', ')}`);
  console.log(`\n${passed} passed, ${failed + missing.length} failed, ${skipped} skipped`);
  console.log(lintCode === 0 ? 'lint: passed' : 'lint: FAILED (see the biome output at the top, or run: npm run lint)');
  process.exit(code !== 0 ? code : failed + missing.length > 0 || lintCode !== 0 ? 1 : 0);
} else if (task === 'bench') {
  install();
  mustPnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  mustPnpm(['--filter', '@dl/bench', 'run', 'bench', ...rest]);
} else {
  console.error('usage: node scripts/run.mjs start|test|bench [args...]');
  process.exit(2);
}
