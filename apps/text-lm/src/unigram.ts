/**
 * Log-probabilities of a unigram model: each word's training count plus one (Laplace), over the
 * vocabulary without the `exclude`d entries (padding), which get -Infinity. It is the baseline a
 * language model must beat: the perplexity of guessing every next word from word frequencies
 * alone, ignoring the context.
 *
 * @example
 * ```ts
 * const logp = unigramLogProbs([3, 0, 1], { exclude: [1] }); // log([4/6, 0, 2/6])
 * ```
 */
export function unigramLogProbs(counts: ArrayLike<number>, options: { exclude?: readonly number[] } = {}): Float64Array {
  const excluded = new Set(options.exclude ?? []);
  let total = 0;
  for (let i = 0; i < counts.length; i++) if (!excluded.has(i)) total += counts[i] + 1;
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = excluded.has(i) ? -Infinity : Math.log((counts[i] + 1) / total);
  return out;
}

/** How often each index occurs in `ids`, as a vector of `size` counts. */
export function countIds(ids: Iterable<number>, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (const id of ids) counts[id] += 1;
  return counts;
}

/**
 * Accumulates the unigram model's negative log-likelihood over target words, leaving out
 * `ignore` (padding), and gives the perplexity `exp(mean NLL)`.
 */
export class UnigramPerplexity {
  private nll = 0;
  private count = 0;

  constructor(
    private readonly logProbs: Float64Array,
    private readonly ignore: number | null = null,
  ) {}

  update(targets: ArrayLike<number>): void {
    for (let i = 0; i < targets.length; i++) {
      if (targets[i] === this.ignore) continue;
      this.nll -= this.logProbs[targets[i]];
      this.count += 1;
    }
  }

  compute(): number {
    return Math.exp(this.nll / this.count);
  }
}
