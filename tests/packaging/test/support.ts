// Helpers shared by the global setup and the tests: running commands, the published packages,
// and what the global setup hands the tests (the packed tarballs and the consumer project).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packagingDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packagingDir, '../..');
export const fixturesDir = join(packagingDir, 'fixtures');

/** The packages the issue names; the setup also packs any other non-private package in packages/. */
export const EXPECTED_PACKAGES = ['@dl/core', '@dl/ignite', '@dl/profiler', '@dl/datasets-iris', '@dl/vision', '@dl/audio', '@dl/text', '@dl/backend-native'] as const;

/** Exact versions the consumer project installs next to the tarballs. */
export const TYPESCRIPT_VERSION = '5.9.3';
export const TYPES_NODE_VERSION = '20.19.43';

export interface PackedPackage {
  name: string;
  version: string;
  /** The package's folder in the repo. */
  dir: string;
  /** The `pnpm pack` tarball, or null when packing failed. */
  tarball: string | null;
  /** Why there is no tarball. */
  packError: string | null;
}

/** What the global setup provides: every published package packed, and one npm project with all installed. */
export interface PackagingContext {
  /** The temporary folder everything is in (removed after the run unless DL_PACKAGING_KEEP=1). */
  workDir: string;
  packages: PackedPackage[];
  /** The npm project with every tarball, typescript and @types/node installed, or null when that failed. */
  consumerDir: string | null;
  /** Why there is no consumer project. */
  installError: string | null;
  /** What `npm install` printed there. */
  installOutput: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packaging: PackagingContext;
  }
}

/** The published packages: every package in packages/ that is not private. */
export function publishedPackages(): { name: string; version: string; dir: string }[] {
  const dir = join(repoRoot, 'packages');
  const out: { name: string; version: string; dir: string }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const file = join(dir, entry, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string; private?: boolean };
    if (manifest.private) continue;
    out.push({ name: manifest.name, version: manifest.version, dir: join(dir, entry) });
  }
  return out;
}

export interface RunResult {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/**
 * The environment for npm, pnpm and node children: without the npm_* variables that
 * `pnpm exec`, turbo or `npm run` set (npm_config_local_prefix would make npm install into this
 * folder), keeping the registry and how to reach it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cafile|ca|cert|key|cache|userconfig|globalconfig|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|@[^_]+:registry|\/\/.*)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || keep.test(k)) env[k] = v;
  // NODE_OPTIONS from vitest or a debugger would load its hooks into every child.
  delete env.NODE_OPTIONS;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  delete env.TEST;
  return { ...env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** Runs a command without a shell and collects its output (never rejects). */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  const command = [cmd, ...args].join(' ');
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 240_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ command, code: -1, stdout, stderr: stderr + String(e), ms: Date.now() - started, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ command, code: code ?? (signal ? 128 : 1), stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

/** A command's result as text for a failure message. */
export function describeRun(r: RunResult): string {
  const parts = [`$ ${r.command}`, `exit code ${r.code}${r.timedOut ? ' (killed: timed out)' : ''} after ${(r.ms / 1000).toFixed(1)} s`];
  if (r.stdout.trim()) parts.push(`--- stdout\n${r.stdout.trimEnd()}`);
  if (r.stderr.trim()) parts.push(`--- stderr\n${r.stderr.trimEnd()}`);
  return parts.join('\n');
}

/** The tarball of a package, or an error saying why it is missing. */
export function tarballOf(ctx: PackagingContext, name: string): string {
  const p = ctx.packages.find((x) => x.name === name);
  if (!p) throw new Error(`${name} was not packed: the published packages are ${ctx.packages.map((x) => x.name).join(', ')}`);
  if (!p.tarball) throw new Error(`${name} could not be packed:\n${p.packError}`);
  return p.tarball;
}

/** The consumer project's folder, or an error saying why it is missing. */
export function consumerOf(ctx: PackagingContext): string {
  if (!ctx.consumerDir) throw new Error(`The consumer project could not be set up:\n${ctx.installError}`);
  return ctx.consumerDir;
}

/** Node's own binary, so children run on the same Node as the tests. */
export const nodeBin = process.execPath;

/** The pnpm the repo pins (root package.json's packageManager), run through npx. */
export function pnpmCommand(): [string, string[]] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager?: string };
  return ['npx', ['-y', manifest.packageManager ?? 'pnpm']];
}
