import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'text-lm-cli-'));
const file = join(dir, 'wiki.train.tokens');
writeFileSync(file, ' = Title = \n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCli', () => {
  it('reads every flag, with the leading -- pnpm passes on', () => {
    const argv = ['--', '--epochs', '2', '--batch-size', '10', '--bptt', '20', '--seed', '3', '--data', dir, '--max-vocab', '500', '--hidden', '64'];
    argv.push('--lr', '0.01', '--clip', '0.25', '--dropout', '0', '--no-tie', '--prompt', 'the whale', '--words', '12', '--temperature', '1.2', '--out', 'o');
    expect(parseCli(argv)).toEqual({
      kind: 'run',
      options: {
        epochs: 2,
        batchSize: 10,
        bpttLen: 20,
        seed: 3,
        dataDir: dir,
        maxVocab: 500,
        hiddenSize: 64,
        lr: 0.01,
        clip: 0.25,
        dropout: 0,
        tieWeights: false,
        prompt: 'the whale',
        sampleLength: 12,
        temperature: 1.2,
        outDir: 'o',
      },
    });
    expect(parseCli([])).toEqual({ kind: 'run', options: {} });
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--epochs', '0'], "--epochs should be an integer >= 1, got '0'"],
    [['--bptt', '3.5'], "--bptt should be an integer >= 1, got '3.5'"],
    [['--seed=-2'], "--seed should be an integer >= 0, got '-2'"],
    [['--dropout', '1'], "--dropout should be a number in [0, 1), got '1'"],
    [['--temperature', '0'], "--temperature should be a positive number, got '0'"],
    [['--clip', 'big'], "--clip should be a positive number, got 'big'"],
    [['--prompt', '  '], "--prompt should hold at least one word, got ''"],
  ])('refuses %j', (argv, message) => {
    expect(parseCli(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses unknown flags and a --data that is not a folder', () => {
    const unknown = parseCli(['--layers', '3']);
    expect(unknown.kind).toBe('error');
    expect((unknown as { message: string }).message).toContain("Unknown option '--layers'");
    expect(parseCli(['--data', file])).toEqual({
      kind: 'error',
      message: `--data should be a folder holding WikiText-2's wiki.train.tokens, wiki.valid.tokens and wiki.test.tokens, got '${file}' (not a folder)`,
    });
  });
});

describe('the command', () => {
  it('exits with code 2 and the usage for a bad flag', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const r = spawnSync(tsx, [main, '--words', '-'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--words should be an integer >= 1, got '-'");
    expect(r.stderr).toContain('usage: pnpm --filter text-lm start');
  });
});
