import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'text-classify-cli-'));
const file = join(dir, 'vectors.txt');
writeFileSync(file, 'who 0.1 0.2\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCli', () => {
  it('reads every flag, with the leading -- pnpm passes on', () => {
    expect(
      parseCli(['--', '--epochs', '3', '--batch-size', '16', '--seed', '0', '--data', dir, '--vectors', file, '--lr', '0.01', '--patience', '2', '--no-bigrams', '--out', 'o']),
    ).toEqual({
      kind: 'run',
      options: { epochs: 3, batchSize: 16, seed: 0, dataDir: dir, vectorsPath: file, lr: 0.01, patience: 2, bigrams: false, outDir: 'o' },
    });
    expect(parseCli([])).toEqual({ kind: 'run', options: {} });
    expect(parseCli(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--epochs', '0'], "--epochs should be an integer >= 1, got '0'"],
    [['--epochs', 'ten'], "--epochs should be an integer >= 1, got 'ten'"],
    [['--batch-size', '2.5'], "--batch-size should be an integer >= 1, got '2.5'"],
    [['--seed=-1'], "--seed should be an integer >= 0, got '-1'"],
    [['--lr', '0'], "--lr should be a positive number, got '0'"],
    [['--embedding-dim', ''], "--embedding-dim should be an integer >= 1, got ''"],
  ])('refuses %j', (argv, message) => {
    expect(parseCli(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses unknown flags, a --data that is not a folder and a --vectors that is not a file', () => {
    const unknown = parseCli(['--epoch', '3']);
    expect(unknown.kind).toBe('error');
    expect((unknown as { message: string }).message).toContain("Unknown option '--epoch'");
    expect(parseCli(['--data', file])).toEqual({
      kind: 'error',
      message: `--data should be a folder holding TREC's train_5500.label and TREC_10.label, got '${file}' (not a folder)`,
    });
    expect(parseCli(['--vectors', join(dir, 'missing.txt')])).toEqual({
      kind: 'error',
      message: `--vectors should be a word-vectors file in GloVe's text format (word v1 v2 ...), got '${join(dir, 'missing.txt')}' (not a file)`,
    });
    expect(parseCli(['--vectors', file, '--embedding-dim', '50'])).toEqual({
      kind: 'error',
      message: '--embedding-dim and --vectors do not go together: the vectors file sets the size',
    });
  });
});

describe('the command', () => {
  it('exits with code 2 and the usage for a bad flag', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const r = spawnSync(tsx, [main, '--batch-size', 'x'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--batch-size should be an integer >= 1, got 'x'");
    expect(r.stderr).toContain('usage: pnpm --filter text-classify start');
  });
});
