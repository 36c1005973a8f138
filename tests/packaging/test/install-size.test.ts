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

  let result: { run: RunResult; size: InstallSize | null } | null = null;
  async function measure(): Promise<{ run: RunResult; size: InstallSize | null }> {
    if (result) return result;
    const file = join(out, 'size.json');
    const r = await run(nodeBin, [join(repoRoot, 'scripts/install-size.mjs'), '@dl/core', '--max-mb', String(MAX_MB), '--json', file], {
      cwd: repoRoot,
      env: cleanEnv(),
      timeoutMs: 280_000,
    });
    let size: InstallSize | null = null;
    try {
      size = JSON.parse(readFileSync(file, 'utf8')) as InstallSize;
    } catch {
      size = null;
    }
    console.log(r.stdout);
    result = { run: r, size };
    return result;
  }

  it(`installs, and node_modules is at most ${MAX_MB} MB (scripts/install-size.mjs)`, async () => {
    const { run: r, size } = await measure();
    expect(size, `scripts/install-size.mjs wrote no result:\n${describeRun(r)}`).not.toBeNull();
    expect(size!.npmExitCode, `npm install failed:\n${describeRun(r)}`).toBe(0);
    expect(
      size!.totalMB,
      `node_modules is ${size!.totalMB.toFixed(1)} MB, over ${MAX_MB} MB. Largest packages:\n` +
        size!.top.map((p) => `  ${p.name}: ${(p.bytes / 1e6).toFixed(1)} MB`).join('\n'),
    ).toBeLessThanOrEqual(MAX_MB);
    expect(r.code, `scripts/install-size.mjs exited ${r.code}:\n${describeRun(r)}`).toBe(0);
  });

  it('npm prints no install-script warning (no installed package has install scripts)', async () => {
    const { run: r, size } = await measure();
    expect(size, `scripts/install-size.mjs wrote no result:\n${describeRun(r)}`).not.toBeNull();
    expect(size!.npmExitCode, `npm install failed:\n${describeRun(r)}`).toBe(0);
    expect(size!.installScriptWarnings, `npm warned about install scripts:\n${size!.installScriptWarnings.join('\n')}`).toEqual([]);
  });
});
