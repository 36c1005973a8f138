import { ValueError } from '../errors/value-error';
import { defaultGenerator, type Generator } from '../random/generator';
import { asMapDataset } from './array-dataset';
import type { MapDataset } from './dataset';
import { randpermArray } from './samplers/sampler-utils';
import { Subset } from './subset';

/** Options of {@link randomSplit}. */
export interface RandomSplitOptions {
  /** The random source of the permutation. @default the default generator */
  generator?: Generator;
}

/**
 * Splits a dataset into non-overlapping random subsets of the given lengths, or of the given
 * fractions of its length (PyTorch's `random_split`; fractions round down and the remainder is
 * handed out one by one from the first split). Same seed, same split as PyTorch.
 *
 * @example
 * ```ts
 * const [train, val] = dl.randomSplit(dataset, [0.8, 0.2], { generator: new dl.Generator(42) });
 * ```
 */
export function randomSplit<T>(dataset: MapDataset<T> | readonly T[], lengths: readonly number[], options: RandomSplitOptions = {}): Subset<T>[] {
  const ds = asMapDataset(dataset, 'randomSplit');
  if (!Array.isArray(lengths) || lengths.length === 0 || lengths.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ValueError(`randomSplit: lengths should be a non-empty array of numbers, got ${JSON.stringify(lengths)}`);
  }
  const n = ds.length;
  let sizes = lengths.slice();
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= 1e-9 && sum <= 1) {
    sizes = sizes.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new ValueError(`randomSplit: fraction at index ${i} is not between 0 and 1 (got ${frac})`);
      return Math.floor(n * frac);
    });
    const remainder = n - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length] += 1;
  }
  sizes.forEach((len, i) => {
    if (!Number.isInteger(len) || len < 0) throw new ValueError(`randomSplit: length at index ${i} should be a non-negative integer (or all lengths fractions summing to 1), got ${len}`);
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== n) throw new ValueError(`randomSplit: sum of input lengths (${total}) does not equal the length of the input dataset (${n})`);
  const order = randpermArray(total, options.generator ?? defaultGenerator);
  const out: Subset<T>[] = [];
  let offset = 0;
  for (const len of sizes) {
    out.push(new Subset(ds, order.slice(offset, offset + len)));
    offset += len;
  }
  return out;
}
