import { ValueError } from '@dl/core';
import { NGramHeap } from './internal/ngram-heap';
import { comparePython } from './internal/python-strings';

interface Utterance {
  count: number;
  /** The n-grams of the word, in the order they were found. */
  ngrams: Set<NGram>;
}

interface NGram {
  text: string;
  /** Length in code points. */
  n: number;
  count: number;
  entropy: number;
  /** The entropy the heap orders it by (brought up to date after each pick). */
  key: number;
  /** Start positions of the n-gram in each word it occurs in. */
  utterances: Map<Utterance, Set<number>>;
  tie: number;
  heapIndex: number;
}

/**
 * How much of `ngram`'s occurrences in a word overlap `best`'s there (revtok's `Utterance.overlaps`):
 * pairs of occurrences where `ngram` lies inside `best`, or the two cross, over all pairs.
 */
function overlaps(utterance: Utterance, ngram: NGram, best: NGram): number {
  const mine = ngram.utterances.get(utterance)!;
  const theirs = best.utterances.get(utterance)!;
  let hits = 0;
  for (const i1 of mine) {
    for (const i2 of theirs) {
      const end1 = i1 + ngram.n;
      const end2 = i2 + best.n;
      if (i2 <= i1 && end1 <= end2) hits++;
      else if (i1 <= i2 && end2 <= end1) continue;
      else if ((i1 <= i2 && i2 < end1) || (i2 <= i1 && i1 < end2)) hits++;
    }
  }
  return hits / (mine.size * theirs.size);
}

/**
 * revtok's subword segmenter (its Python `SubwordSegmenter`, which torchtext's `SubwordVocab` and
 * `SubwordField` use): the vocabulary is every character of the counted words, then greedily the
 * character n-gram with the highest entropy (`count * (length - 1)`), its occurrences discounted
 * from the n-grams they overlap, until `maxSize` entries. `segment` splits a word into the fewest
 * pieces of that vocabulary.
 *
 * revtok re-sorts all n-grams before every pick (hours for a large corpus); this picks the same
 * n-grams, in the same order, from a heap. Where revtok fails with an IndexError because
 * `maxSize` exceeds the characters and n-grams there are, this stops at all of them.
 *
 * @example
 * ```ts
 * const segmenter = new SubwordSegmenter(new Map([['lower', 5], ['lowest', 2], ['newer', 6]]), 20);
 * segmenter.segment('lowered'); // ['lower', 'e', 'd']
 * ```
 */
export class SubwordSegmenter {
  /** Each piece and its score, in revtok's order: characters (by count), then n-grams as picked. */
  readonly vocab: Map<string, number>;
  private readonly cache = new Map<string, string[]>();

  constructor(counter: Map<string, number>, maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 0) throw new ValueError(`SubwordSegmenter: maxSize must be an integer >= 0, got ${maxSize}`);
    const chars = new Map<string, number>();
    for (const word of counter.keys()) for (const c of word) chars.set(c, (chars.get(c) ?? 0) + 1);
    this.vocab = new Map([...chars].sort((a, b) => b[1] - a[1] || comparePython(a[0], b[0])));

    const table = new Map<string, NGram>();
    for (const [word, count] of counter) {
      const utterance: Utterance = { count, ngrams: new Set() };
      const cps = Array.from(word);
      for (let i = 0; i < cps.length - 1; i++) {
        for (let n = 2; n <= cps.length - i; n++) {
          const text = cps.slice(i, i + n).join('');
          let ngram = table.get(text);
          if (ngram === undefined) {
            ngram = { text, n, count: 0, entropy: 0, key: 0, utterances: new Map(), tie: 0, heapIndex: -1 };
            table.set(text, ngram);
          }
          ngram.count += count;
          ngram.entropy = ngram.count * (n - 1);
          const starts = ngram.utterances.get(utterance);
          if (starts === undefined) ngram.utterances.set(utterance, new Set([i]));
          else starts.add(i);
          utterance.ngrams.add(ngram);
        }
      }
    }
    const ngrams = [...table.values()].sort((a, b) => comparePython(a.text, b.text));
    ngrams.forEach((g, i) => {
      g.tie = i;
      g.key = g.entropy;
    });
    const heap = new NGramHeap(ngrams);
    let lowestTie = 0;
    for (let pick = maxSize - this.vocab.size; pick > 0; pick--) {
      const best = heap.pop();
      if (best === undefined) break;
      const changed = new Map<NGram, { entropy: number; tie: number }>();
      for (const utterance of best.utterances.keys()) {
        for (const ngram of utterance.ngrams) {
          if (ngram === best) continue;
          const entropy = ngram.entropy;
          ngram.count -= utterance.count * overlaps(utterance, ngram, best);
          ngram.entropy = ngram.count * (ngram.n - 1);
          if (ngram.entropy !== entropy && ngram.heapIndex >= 0 && !changed.has(ngram)) changed.set(ngram, { entropy, tie: ngram.tie });
        }
      }
      this.vocab.set(best.text, best.entropy);
      // The n-grams that moved go ahead of those already at their new entropy, in their old order.
      const moved = [...changed].sort(([, a], [, b]) => b.entropy - a.entropy || a.tie - b.tie).map(([g]) => g);
      moved.forEach((g, i) => {
        g.key = g.entropy;
        g.tie = lowestTie - moved.length + i;
        heap.moved(g);
      });
      lowestTie -= moved.length;
    }
  }

  /**
   * Splits `utterance` (or each word of a list) into the fewest vocabulary pieces, the first
   * such split found left to right, as revtok's `SubwordSegmenter.__call__`.
   *
   * @example
   * ```ts
   * segmenter.segment(['lowest', 'newer']); // ['lowest', 'newer']
   * ```
   */
  segment(utterance: string | readonly string[]): string[] {
    if (typeof utterance !== 'string') return utterance.flatMap((u) => this.segment(u));
    if (this.vocab.has(utterance)) return [utterance];
    const cached = this.cache.get(utterance);
    if (cached) return [...cached];
    const cps = Array.from(utterance);
    const best: (string[] | undefined)[] = [[]];
    // Every single character is a piece, so every position is reached, in order.
    for (let i = 0; i < cps.length; i++) {
      const head = best[i]!;
      for (let j = i + 1; j <= cps.length; j++) {
        const piece = cps.slice(i, j).join('');
        if (j - i !== 1 && !this.vocab.has(piece)) continue;
        if (head.length + 1 < (best[j]?.length ?? cps.length + 1)) best[j] = [...head, piece];
      }
    }
    const pieces = best[cps.length]!;
    this.cache.set(utterance, pieces);
    return [...pieces];
  }

  /**
   * A segmenter with a vocabulary built before (a saved `SubwordVocab`'s).
   *
   * @example
   * ```ts
   * const again = SubwordSegmenter.fromVocab(segmenter.vocab);
   * ```
   */
  static fromVocab(vocab: Iterable<readonly [string, number]>): SubwordSegmenter {
    const segmenter = new SubwordSegmenter(new Map(), 0);
    for (const [piece, score] of vocab) segmenter.vocab.set(piece, score);
    return segmenter;
  }
}
