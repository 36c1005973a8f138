/**
 * @internal A list of byte strings packed in one growing buffer: millions of LMDB keys (LSUN's
 * bedroom set has 3 million) without an object per key.
 */
export class KeyList {
  private bytes = new Uint8Array(1024);
  private ends: number[] = [];

  /** How many keys. */
  get length(): number {
    return this.ends.length;
  }

  /** Appends a copy of `key`. */
  push(key: Uint8Array): void {
    const start = this.end(this.ends.length - 1);
    const need = start + key.length;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, start));
      this.bytes = grown;
    }
    this.bytes.set(key, start);
    this.ends.push(need);
  }

  /** The `i`-th key (a view; do not keep it past the next `push`). */
  get(i: number): Uint8Array {
    return this.bytes.subarray(this.end(i - 1), this.end(i));
  }

  private end(i: number): number {
    return i < 0 ? 0 : this.ends[i]!;
  }
}
