import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ClassifyOptions } from './train';

export const USAGE =
  'usage: pnpm --filter text-classify start -- [--epochs 30] [--batch-size 32] [--seed 0] [--data DIR] [--vectors PATH] [--lr 0.02] [--embedding-dim 64] [--patience 6] [--no-bigrams] [--out ./out]';

/** What the command line asks for: a run, the usage, or an error (exit code 2). */
export type CliRequest = { kind: 'run'; options: ClassifyOptions } | { kind: 'help' } | { kind: 'error'; message: string };

type NumberKind = 'positive' | 'count' | 'rate';

function toNumber(name: string, v: string | undefined, kind: NumberKind = 'positive'): number | undefined | string {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok = v.trim() !== '' && Number.isFinite(n) && (kind === 'rate' ? n > 0 : Number.isInteger(n) && n >= (kind === 'count' ? 0 : 1));
  if (ok) return n;
  const want = kind === 'rate' ? 'a positive number' : kind === 'count' ? 'an integer >= 0' : 'an integer >= 1';
  return `--${name} should be ${want}, got '${v}'`;
}

/**
 * Reads the app's flags (`process.argv.slice(2)`; pnpm 10 passes a leading `--` on). Every
 * mistake comes back as one message naming the flag, the expected and the given value.
 *
 * @example
 * ```ts
 * parseCli(['--epochs', '3']); // { kind: 'run', options: { epochs: 3 } }
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
        seed: { type: 'string' },
        data: { type: 'string' },
        vectors: { type: 'string' },
        lr: { type: 'string' },
        'embedding-dim': { type: 'string' },
        patience: { type: 'string' },
        'no-bigrams': { type: 'boolean' },
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
    seed: toNumber('seed', str('seed'), 'count'),
    lr: toNumber('lr', str('lr'), 'rate'),
    embeddingDim: toNumber('embedding-dim', str('embedding-dim')),
    patience: toNumber('patience', str('patience')),
  };
  for (const v of Object.values(numbers)) if (typeof v === 'string') return { kind: 'error', message: v };
  const dataDir = str('data');
  if (dataDir !== undefined && !(existsSync(dataDir) && statSync(dataDir).isDirectory())) {
    return { kind: 'error', message: `--data should be a folder holding TREC's train_5500.label and TREC_10.label, got '${dataDir}' (not a folder)` };
  }
  const vectors = str('vectors');
  if (vectors !== undefined && !(existsSync(vectors) && statSync(vectors).isFile())) {
    return { kind: 'error', message: `--vectors should be a word-vectors file in GloVe's text format (word v1 v2 ...), got '${vectors}' (not a file)` };
  }
  if (vectors !== undefined && numbers.embeddingDim !== undefined) {
    return { kind: 'error', message: '--embedding-dim and --vectors do not go together: the vectors file sets the size' };
  }
  const options: ClassifyOptions = {
    ...(Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)) as Partial<ClassifyOptions>),
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(vectors !== undefined ? { vectorsPath: vectors } : {}),
    ...(values['no-bigrams'] ? { bigrams: false } : {}),
    ...(str('out') !== undefined ? { outDir: str('out') } : {}),
  };
  return { kind: 'run', options };
}
