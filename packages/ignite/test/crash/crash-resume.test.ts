// Crash safety: training processes are killed with SIGKILL at random points and resumed from the
// newest checkpoint; every resumed run must end with exactly the weights and metrics of an
// uninterrupted run, and no file under a final name may ever be partial.
import { load } from '@dl/core/node';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, '..', 'support', 'train-child.ts');
const TOTAL_ITERATIONS = 72; // 96 samples / batch 8 = 12 per epoch, 6 epochs
const TRIALS = 10;

interface Run {
  done: boolean;
  lastIter: number;
  resumed: boolean;
}

/** Runs the child; kills it with SIGKILL once it reports iteration `killAt` plus `jitterMs`. */
function runChild(dir: string, killAt: number | null, jitterMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, '3'], { cwd: join(here, '..', '..'), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let lastIter = 0;
    let killing = false;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/ITER (\d+)/g)) lastIter = Math.max(lastIter, Number(m[1]));
      if (killAt !== null && !killing && lastIter >= killAt) {
        killing = true;
        setTimeout(() => p.kill('SIGKILL'), jitterMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      const done = out.includes('DONE');
      if (!done && signal !== 'SIGKILL') reject(new Error(`child exited with ${code ?? signal}: ${err}`));
      else resolvePromise({ done, lastIter, resumed: out.includes('RESUMED') });
    });
  });
}

/** Every file with a final (non-hidden) name must be a complete checkpoint. */
async function checkNoPartialFiles(dir: string): Promise<void> {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name === 'result.json') continue;
    await expect(load(join(dir, name)), `${name} should load`).resolves.toBeTruthy();
  }
}

function result(dir: string): unknown {
  return JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
}

// The kill-and-resume logic does not depend on the backend, and 21 training processes take minutes:
// it runs in the wasm project (the default backend) and is skipped in the cpu one.
const skipOnThisBackend = process.env.DL_BACKEND === 'cpu';

describe('kill and resume', () => {
  it.skipIf(skipOnThisBackend)(`ends with exactly the uninterrupted run's weights and metrics after SIGKILL at ${TRIALS} random points`, { timeout: 900_000 }, async () => {
    const reference = mkdtempSync(join(tmpdir(), 'dl-ignite-crash-ref-'));
    expect((await runChild(reference, null, 0)).done).toBe(true);
    const expected = result(reference);

    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let kills = 0;
    let resumes = 0;
    let tempFilesLeft = 0;
    for (let t = 0; t < TRIALS; t++) {
      const dir = mkdtempSync(join(tmpdir(), `dl-ignite-crash-${t}-`));
      const killAt = 1 + Math.floor(rand() * (TOTAL_ITERATIONS - 2));
      const first = await runChild(dir, killAt, Math.floor(rand() * 8));
      if (!first.done) {
        kills++;
        tempFilesLeft += readdirSync(dir).filter((n) => n.endsWith('.tmp')).length;
        await checkNoPartialFiles(dir);
        expect(existsSync(join(dir, 'result.json'))).toBe(false);
      }
      const second = await runChild(dir, null, 0);
      expect(second.done).toBe(true);
      if (second.resumed) resumes++;
      await checkNoPartialFiles(dir);
      expect(result(dir)).toEqual(expected);
    }
    // Nearly every trial was killed mid-run, and most resumed from a checkpoint (not from scratch).
    expect(kills).toBeGreaterThanOrEqual(TRIALS - 1);
    expect(resumes).toBeGreaterThanOrEqual(TRIALS / 2);
    console.log(`kill-and-resume: ${kills} kills, ${resumes} resumes from a checkpoint, ${tempFilesLeft} temporary files left by kills during a write`);
  });
});
