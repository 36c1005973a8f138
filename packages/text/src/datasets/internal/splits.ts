import { join } from 'node:path';
import { ValueError } from '@dl/core';

/** The three splits, in the order classic torchtext returned them. */
export type SplitName = 'train' | 'validation' | 'test';

/**
 * Loads the splits whose file is given (`null` skips one), in the order train, validation, test,
 * as classic torchtext's `splits` returned only the datasets asked for.
 */
export async function loadSplits<D>(
  owner: string,
  path: string,
  files: Partial<Record<SplitName, string | null>>,
  load: (file: string, split: SplitName) => Promise<D>,
): Promise<D[]> {
  const present = (['train', 'validation', 'test'] as const).filter((split) => typeof files[split] === 'string');
  if (present.length === 0) throw new ValueError(`${owner}: every split is null; give at least one of train, validation, test`);
  const out: D[] = [];
  for (const split of present) out.push(await load(join(path, files[split] as string), split));
  return out;
}

/** A positive integer option, or a ValueError naming it. */
export function positiveInteger(owner: string, name: string, value: number): number {
  if (!(Number.isInteger(value) && value > 0)) throw new ValueError(`${owner}: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}
