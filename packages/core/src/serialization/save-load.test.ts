import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tensor } from '../index';
import type { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { expected, expectMatches, fixtureDir } from '../../test/support/serialization-fixtures';
import { load } from './load';
import { save } from './save';
import { deserialize } from './serialize';

const dir = mkdtempSync(join(tmpdir(), 'dl-serialization-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('save / load', () => {
  it('round-trips a checkpoint through a file in both formats', async () => {
    for (const format of ['safetensors', 'torch'] as const) {
      const path = join(dir, `ckpt.${format}`);
      await save({ model: { w: tensor([[1, 2]]) }, epoch: 5, tags: ['a'] }, path, { format });
      const back = await load<{ model: { w: Tensor }; epoch: number; tags: string[] }>(path);
      expect(back.model.w.tolist()).toEqual([[1, 2]]);
      expect(back.epoch).toBe(5);
      expect(back.tags).toEqual(['a']);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('loads PyTorch fixtures from disk (read piece by piece) and accepts file URLs', async () => {
    expectMatches(await load(join(fixtureDir, 'nested_checkpoint.pth')), expected.files['nested_checkpoint.pth']);
    expectMatches(await load(pathToFileURL(join(fixtureDir, 'legacy_format.pth'))), expected.files['legacy_format.pth']);
  });

  it('writes the same bytes as serialize', async () => {
    const obj = { w: tensor([3, 4]), n: 1 };
    await save(obj, join(dir, 'same.pth'), { format: 'torch' });
    const bytes = new Uint8Array(readFileSync(join(dir, 'same.pth')));
    expect((deserialize(bytes) as { n: number }).n).toBe(1);
  });

  it('replaces an existing file', async () => {
    const path = join(dir, 'replace.safetensors');
    await save({ v: 1 }, path);
    await save({ v: 2 }, path);
    expect(await load(path)).toEqual({ v: 2 });
  });

  it('refuses missing files and directories with the path in the message', async () => {
    await expect(load(join(dir, 'nope.pth'))).rejects.toThrowError(CheckpointError);
    await expect(load(join(dir, 'nope.pth'))).rejects.toThrowError(`load: cannot open '${join(dir, 'nope.pth')}': ENOENT: no such file or directory`);
    await expect(load(dir)).rejects.toThrowError(`load: '${dir}' is a directory, not a checkpoint file`);
  });

  it('refuses a truncated file on disk', async () => {
    const path = join(dir, 'cut.pth');
    writeFileSync(path, readFileSync(join(fixtureDir, 'mlp_bn_state_dict.pth')).subarray(0, 1500));
    await expect(load(path)).rejects.toThrowError(`${path}: not a zip archive or truncated: end-of-central-directory record not found`);
  });

  it('leaves no temporary file and keeps the old file when writing fails', async () => {
    await expect(save({ v: 1 }, join(dir, 'missing-dir', 'x.pth'))).rejects.toThrowError(/save: cannot write '.*missing-dir\/x\.pth': ENOENT/);
    const path = join(dir, 'keep.safetensors');
    await save({ v: 1 }, path);
    await expect(save({ f: () => 0 }, path)).rejects.toThrowError("save: cannot save the function f at 'f'");
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    await expect(save({ v: 1 }, blocked)).rejects.toThrowError(/save: cannot write '.*blocked': EISDIR|illegal operation on a directory/);
    expect(await load(path)).toEqual({ v: 1 });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('save (atomic under SIGKILL)', () => {
  const child = fileURLToPath(new URL('../../test/support/save-child.ts', import.meta.url));
  const coreDir = fileURLToPath(new URL('../..', import.meta.url));

  it('never leaves a truncated file under the final name when the saving process is killed mid-write', async () => {
    const work = join(dir, 'kill');
    mkdirSync(work);
    const target = join(work, 'ckpt');
    await save({ epoch: -1, a: tensor([1]), b: tensor([2]) }, target);
    let killedMidWrite = 0;
    for (let trial = 0; trial < 4; trial++) {
      const format = trial % 2 === 0 ? 'safetensors' : 'torch';
      const proc = spawn(process.execPath, ['--import', 'tsx', child, target, format], { cwd: coreDir, stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
      let stderr = '';
      proc.stderr!.on('data', (d) => (stderr += d));
      const exited = once(proc, 'exit');
      const deadline = Date.now() + 90_000;
      // Wait until a save is under way (its temporary file exists), then kill at a random moment.
      while (!readdirSync(work).some((n) => n.endsWith('.tmp'))) {
        if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`the child never started saving: ${stderr}`);
        await sleep(2);
      }
      await sleep(Math.floor(Math.random() * 30));
      if (readdirSync(work).some((n) => n.endsWith('.tmp'))) killedMidWrite++;
      proc.kill('SIGKILL');
      await exited;
      const v = await load<{ epoch: number; a: Tensor; b: Tensor }>(target);
      expect(Number.isInteger(v.epoch)).toBe(true);
      if (v.epoch >= 0) {
        expect(v.a.shape).toEqual([4_000_000]);
        expect(v.b.shape).toEqual([4_000_000]);
      }
      for (const n of readdirSync(work)) if (n.endsWith('.tmp')) rmSync(join(work, n));
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(true);
  }, 300_000);
});
