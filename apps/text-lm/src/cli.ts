import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LanguageModelOptions } from './train';

export const USAGE =
  'usage: pnpm --filter text-lm start -- [--epochs 4] [--batch-size 20] [--bptt 35] [--seed 0] [--data DIR] [--max-vocab 3000] [--hidden 64] [--lr 0.005] [--clip 0.5] [--dropout 0.3] [--no-tie] [--prompt "call me"] [--words 30] [--temperature 0.8] [--out ./out]';

/** What the command line asks for: a run, the usage, or an error (exit code 2). */
export type CliRequest = { kind: 'run'; options: LanguageModelOptions } | { kind: 'help' } | { kind: 'error'; message: string };

type NumberKind = 'positive' | 'count' | 'rate' | 'fraction';

function toNumber(name: string, v: string | undefined, kind: NumberKind = 'positive'): number | undefined | string {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok =
    v.trim() !== '' &&
    Number.isFinite(n) &&
    (kind === 'rate' ? n > 0 : kind === 'fraction' ? n >= 0 && n < 1 : Number.isInteger(n) && n >= (kind === 'count' ? 0 : 1));
  if (ok) return n;
  const want = { rate: 'a positive number', fraction: 'a number in [0, 1)', count: 'an integer >= 0', positive: 'an integer >= 1' }[kind];
  return `--${name} should be ${want}, got '${v}'`;
}

/**
 * Reads the app's flags (`process.argv.slice(2)`; pnpm 10 passes a leading `--` on). Every
 * mistake comes back as one message naming the flag, the expected and the given value.
 *
 * @example
 * ```ts
 * parseCli(['--epochs', '2']); // { kind: 'run', options: { epochs: 2 } }
 * ```
 */
export function parseCli(argv: string[]): CliRequest {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: {
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        bptt: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        'max-vocab': { type: 'string' },
        hidden: { type: 'string' },
        lr: { type: 'string' },
        clip: { type: 'string' },
        dropout: { type: 'string' },
        'no-tie': { type: 'boolean' },
        prompt: { type: 'string' },
        words: { type: 'string' },
        temperature: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const str = (k: string) => values[k] as string | undefined;
  const numbers = {
    epochs: toNumber('epochs', str('epochs')),
    batchSize: toNumber('batch-size', str('batch-size')),
    bpttLen: toNumber('bptt', str('bptt')),
    seed: toNumber('seed', str('seed'), 'count'),
    maxVocab: toNumber('max-vocab', str('max-vocab')),
    hiddenSize: toNumber('hidden', str('hidden')),
    lr: toNumber('lr', str('lr'), 'rate'),
    clip: toNumber('clip', str('clip'), 'rate'),
    dropout: toNumber('dropout', str('dropout'), 'fraction'),
    sampleLength: toNumber('words', str('words')),
    temperature: toNumber('temperature', str('temperature'), 'rate'),
  };
  for (const v of Object.values(numbers)) if (typeof v === 'string') return { kind: 'error', message: v };
  const dataDir = str('data');
  if (dataDir !== undefined && !(existsSync(dataDir) && statSync(dataDir).isDirectory())) {
    return { kind: 'error', message: `--data should be a folder holding WikiText-2's wiki.train.tokens, wiki.valid.tokens and wiki.test.tokens, got '${dataDir}' (not a folder)` };
  }
  const prompt = str('prompt');
  if (prompt !== undefined && prompt.trim() === '') return { kind: 'error', message: "--prompt should hold at least one word, got ''" };
  const options: LanguageModelOptions = {
    ...(Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)) as Partial<LanguageModelOptions>),
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    ...(values['no-tie'] ? { tieWeights: false } : {}),
    ...(str('out') !== undefined ? { outDir: str('out') } : {}),
  };
  return { kind: 'run', options };
}
