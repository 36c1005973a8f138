import { Dataset, ValueError } from '@dl/core';

/** The four answers, in the seed chapter's one-hot order. */
export const LABELS = ['fizzbuzz', 'buzz', 'fizz', 'number'] as const;

/** The class of `n`: 0 fizzbuzz, 1 buzz, 2 fizz, 3 the number itself. */
export function fizzBuzzClass(n: number): number {
  if (n % 15 === 0) return 0;
  if (n % 5 === 0) return 1;
  if (n % 3 === 0) return 2;
  return 3;
}

/** What the game says for `n` given a class: `'FizzBuzz'`, `'Buzz'`, `'Fizz'` or the number. */
export function fizzBuzzText(n: number, cls: number): string {
  return cls === 0 ? 'FizzBuzz' : cls === 1 ? 'Buzz' : cls === 2 ? 'Fizz' : String(n);
}

/**
 * The seed chapter's FizzBuzz dataset (its `FizBuzDataset`): item i is the binary encoding of
 * the number `from + i` (`inputSize` bits, most significant first, as a Float32Array the
 * DataLoader stacks into one `[batch, inputSize]` tensor) and its class index. The classic split
 * trains on 101..1023 and tests on 1..100.
 *
 * @example
 * ```ts
 * const train = new FizzBuzzDataset(101, 1023);
 * train.length; // 923
 * const [x, y] = train.getItem(0); // bits of 101, class 3
 * ```
 */
export class FizzBuzzDataset extends Dataset<[Float32Array, number]> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly inputSize = 10,
  ) {
    super();
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) throw new ValueError(`FizzBuzzDataset: expected integers 0 <= from <= to, got ${from}..${to}`);
    if (to >= 2 ** inputSize) throw new ValueError(`FizzBuzzDataset: ${to} needs more than inputSize=${inputSize} bits`);
  }

  get length(): number {
    return this.to - this.from + 1;
  }

  /** The bits of `n`, most significant first (the seed's `encoder`). */
  encode(n: number): Float32Array {
    return Float32Array.from({ length: this.inputSize }, (_, i) => (n >> (this.inputSize - 1 - i)) & 1);
  }

  getItem(index: number): [Float32Array, number] {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) throw new ValueError(`FizzBuzzDataset: index ${index} is out of range for ${this.length} items`);
    const n = this.from + index;
    return [this.encode(n), fizzBuzzClass(n)];
  }
}
