// Issue point 1: `npm install` of the packed @dl/core alone, in a fresh npm project, stays within
// 60 MB and runs no install scripts. Measured by the repo's own script, whose report is printed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, describeRun, nodeBin, repoRoot, run, type RunResult } from './support.ts';

const MAX_MB = 60;

interface InstallSize {
  npmExitCode: number;
  totalBytes: number;
  totalMB: number;
  top: { name: string; bytes: number }[];
  warnings: string[];
  installScriptWarnings: string[];
  deprecationWarnings: string[];
  overLimit: boolean;
}

describe('npm install of the packed @dl/core in a fresh npm project', () => {
  const out = mkdtempSync(join(tmpdir(), 'dl-install-size-result-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // Both tests read one measurement: the script runs once.
  let measured: Promise<{ r: RunResult; size: InstallSize }> | null = null;
  const measure = () => (measured ??= runScript());
  async function runScript(): Promise<{ r: RunResult; size: InstallSize }> {
    const file = join(out, 'size.json');
    const r = await run(nodeBin, [join(repoRoot, 'scripts/install-size.mjs'), '@dl/core', '--max-mb', String(MAX_MB), '--json', file], {
      cwd: repoRoot,
      env: cleanEnv(),
      timeoutMs: 280_000,
    });
    console.log(r.stdout);
    let size: InstallSize;
    try {
      size = JSON.parse(readFileSync(file, 'utf8')) as InstallSize;
    } catch {
      throw new Error(`scripts/install-size.mjs wrote no result:\n${describeRun(r)}`);
    }
    if (size.npmExitCode !== 0) throw new Error(`npm install of the @dl/core tarball failed:\n${describeRun(r)}`);
    return { r, size };
  }

  it(`installs, and node_modules is at most ${MAX_MB} MB (scripts/install-size.mjs)`, async () => {
    const { r, size } = await measure();
    const largest = size.top.map((p) => `  ${p.name}: ${(p.bytes / 1e6).toFixed(1)} MB`).join('\n');
    expect(size.totalMB, `node_modules is ${size.totalMB.toFixed(1)} MB, over ${MAX_MB} MB. Largest packages:\n${largest}`).toBeLessThanOrEqual(MAX_MB);
    expect(r.code, `scripts/install-size.mjs exited ${r.code}:\n${describeRun(r)}`).toBe(0);
  });

  it('npm prints no install-script warning (no installed package has install scripts)', async () => {
    const { size } = await measure();
    expect(size.installScriptWarnings, `npm warned about install scripts:\n${size.installScriptWarnings.join('\n')}`).toEqual([]);
  });
});
