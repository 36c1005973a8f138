/**
 * A `Map` from tokens to indices whose `get` of a missing token returns a default index, like
 * the `collections.defaultdict` torchtext's `Vocab.stoi` is. Unlike Python's defaultdict, a
 * missing lookup does not add the token (`has`, `size` and iteration see only real entries).
 * Without a default, a missing token gets `undefined`, as any Map.
 *
 * @example
 * ```ts
 * const stoi = new DefaultIndexMap([['<unk>', 0], ['the', 1]], 0);
 * stoi.get('the'); // 1
 * stoi.get('zebra'); // 0
 * stoi.has('zebra'); // false
 * ```
 */
export class DefaultIndexMap extends Map<string, number> {
  private fallback: () => number | undefined = () => undefined;

  /** `defaultIndex` is the index or a function giving it at lookup time (torchtext's `default_factory`). */
  constructor(entries?: Iterable<readonly [string, number]> | null, defaultIndex?: number | (() => number | undefined)) {
    super(entries);
    this.setDefault(defaultIndex);
  }

  /** The index a missing token gets (`undefined`: none). */
  get defaultIndex(): number | undefined {
    return this.fallback();
  }

  /**
   * Changes the default index (a number, a function giving it, or `undefined` for none).
   *
   * @example
   * ```ts
   * stoi.setDefault(3);
   * ```
   */
  setDefault(defaultIndex: number | (() => number | undefined) | undefined): void {
    this.fallback = typeof defaultIndex === 'function' ? defaultIndex : () => defaultIndex;
  }

  /** The index of `token`, or the default index when it is missing. */
  override get(token: string): number | undefined {
    const index = super.get(token);
    return index !== undefined ? index : this.fallback();
  }
}
