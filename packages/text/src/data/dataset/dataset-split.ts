import { ValueError } from '@dl/core';
import type { RandomShuffler } from '../utils/random-shuffler';
import type { Example } from './example';

/** @internal torchtext's `check_split_ratio`: [train, test, validation] ratios. */
export function checkSplitRatio(splitRatio: number | readonly number[]): [number, number, number] {
  if (typeof splitRatio === 'number') {
    if (!(splitRatio > 0 && splitRatio < 1)) throw new ValueError(`Dataset.split: splitRatio ${splitRatio} is not between 0 and 1`);
    return [splitRatio, 1 - splitRatio, 0];
  }
  if (Array.isArray(splitRatio)) {
    if (splitRatio.length !== 2 && splitRatio.length !== 3) {
      throw new ValueError(`Dataset.split: splitRatio should have 2 or 3 entries (train, test[, validation]), got [${splitRatio.join(', ')}]`);
    }
    if (!splitRatio.every((r) => typeof r === 'number' && Number.isFinite(r) && r >= 0)) {
      throw new ValueError(`Dataset.split: splitRatio entries must be non-negative numbers, got [${splitRatio.join(', ')}]`);
    }
    const sum = splitRatio.reduce((a, b) => a + b, 0);
    if (sum <= 0) throw new ValueError(`Dataset.split: splitRatio entries sum to 0: [${splitRatio.join(', ')}]`);
    const r = sum === 1 ? [...splitRatio] : splitRatio.map((x) => x / sum);
    return [r[0]!, r[1]!, r[2] ?? 0];
  }
  throw new ValueError(`Dataset.split: splitRatio must be a number or a list, got ${typeof splitRatio}`);
}

/** Python's round(): halves to even, as torchtext's `int(round(ratio * N))`. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** @internal torchtext's `rationed_split`: a permutation cut into train, test, validation. */
export function rationedSplit<E>(examples: readonly E[], ratios: [number, number, number], rnd: RandomShuffler): [E[], E[], E[]] {
  const n = examples.length;
  const perm = rnd.shuffle(Array.from({ length: n }, (_, i) => i));
  const [trainRatio, testRatio, valRatio] = ratios;
  const trainLen = roundHalfEven(trainRatio * n);
  const testLen = valRatio ? roundHalfEven(testRatio * n) : n - trainLen;
  const pick = (idx: number[]) => idx.map((i) => examples[i]!);
  return [pick(perm.slice(0, trainLen)), pick(perm.slice(trainLen, trainLen + testLen)), pick(perm.slice(trainLen + testLen))];
}

/** @internal torchtext's `stratify`: examples grouped by the value of one field, first-seen order. */
export function stratify(examples: readonly Example[], strataField: string): Example[][] {
  const groups = new Map<unknown, Example[]>();
  for (const ex of examples) {
    const key = ex[strataField];
    const k = Array.isArray(key) ? JSON.stringify(key) : key;
    const g = groups.get(k);
    if (g) g.push(ex);
    else groups.set(k, [ex]);
  }
  return [...groups.values()];
}
