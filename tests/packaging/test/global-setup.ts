// Runs once before every test file: packs each published package with pnpm (as `pnpm publish`
// would: `workspace:` ranges become versions) and installs all the tarballs, plus typescript and
// @types/node, into one fresh npm project under the OS temp folder. The tests read the tarballs
// and use that project; it is removed afterwards (kept with DL_PACKAGING_KEEP=1).
//
// Failures here do not abort the run: they are handed to the tests, which fail with the reason.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  TYPES_NODE_VERSION,
  TYPESCRIPT_VERSION,
  cleanEnv,
  describeRun,
  fixturesDir,
  pnpmCommand,
  publishedPackages,
  run,
  type PackagingContext,
  type PackedPackage,
} from './support.ts';

async function pack(pkg: { name: string; version: string; dir: string }, dest: string): Promise<PackedPackage> {
  const out: PackedPackage = { ...pkg, tarball: null, packError: null };
  const dist = join(pkg.dir, 'dist');
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    out.packError = `${pkg.dir}/dist does not exist: build first (npx -y pnpm@10.34.8 exec turbo run build; the turbo test task does it)`;
    return out;
  }
  const [cmd, pre] = pnpmCommand();
  const r = await run(cmd, [...pre, 'pack', '--pack-destination', dest, '--json'], { cwd: pkg.dir, timeoutMs: 120_000 });
  if (r.code !== 0) {
    out.packError = describeRun(r);
    return out;
  }
  try {
    const { filename } = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { filename: string };
    const file = resolve(dest, filename);
    if (!existsSync(file)) throw new Error(`no file ${file}`);
    out.tarball = file;
  } catch (e) {
    out.packError = `could not find the tarball pnpm pack made (${(e as Error).message}):\n${describeRun(r)}`;
  }
  return out;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'dl-packaging-'));
  const tarballDir = join(workDir, 'tarballs');
  const consumerDir = join(workDir, 'consumer');
  mkdirSync(tarballDir);
  mkdirSync(consumerDir);

  const packages = await Promise.all(publishedPackages().map((p) => pack(p, tarballDir)));
  const ctx: PackagingContext = { workDir, packages, consumerDir: null, installError: null, installOutput: '' };
  const packed = packages.filter((p) => p.tarball);
  const failed = packages.filter((p) => !p.tarball);

  if (failed.length) {
    ctx.installError = `not installed: these packages could not be packed:\n${failed.map((p) => `${p.name}: ${p.packError}`).join('\n')}`;
  } else {
    writeFileSync(join(consumerDir, 'package.json'), `${JSON.stringify({ name: 'dl-consumer', version: '1.0.0', private: true }, null, 2)}\n`);
    const r = await run(
      'npm',
      ['install', '--no-audit', '--no-fund', ...packed.map((p) => p.tarball as string), `typescript@${TYPESCRIPT_VERSION}`, `@types/node@${TYPES_NODE_VERSION}`],
      { cwd: consumerDir, env: cleanEnv(), timeoutMs: 280_000 },
    );
    ctx.installOutput = `${r.stdout}\n${r.stderr}`.trim();
    if (r.code !== 0) {
      ctx.installError = `npm install of the tarballs failed:\n${describeRun(r)}`;
    } else {
      // The consumers and scripts the tests type-check and run, next to the installed node_modules.
      cpSync(fixturesDir, consumerDir, { recursive: true });
      ctx.consumerDir = consumerDir;
    }
  }
  console.log(
    `[packaging] packed ${packed.map((p) => p.name).join(', ') || 'nothing'}${failed.length ? ` (failed: ${failed.map((p) => p.name).join(', ')})` : ''}; ` +
      `consumer ${ctx.consumerDir ? 'installed' : 'NOT installed'} in ${((Date.now() - started) / 1000).toFixed(1)} s at ${workDir}`,
  );
  project.provide('packaging', ctx);

  return () => {
    if (process.env.DL_PACKAGING_KEEP === '1') console.log(`[packaging] kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  };
}
