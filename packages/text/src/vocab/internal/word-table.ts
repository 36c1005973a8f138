// The words of a vectors set as one UTF-8 block with an open-addressing hash index, both stored
// in the binary cache as they are in memory: a cached set answers lookups as soon as its file is
// read, without decoding 400,000 strings or filling a Map first (that is built on demand).

/** FNV-1a over the UTF-16 code units of `s`. */
export function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The slot count for `count` words: a power of two at least twice as large. */
export function slotCount(count: number): number {
  let n = 2;
  while (n < count * 2) n *= 2;
  return n;
}

/** The parts a table is stored as. */
export interface WordTableParts {
  /** The words' UTF-8 bytes, back to back. */
  blob: Uint8Array;
  /** `count + 1` byte offsets into `blob`. */
  offsets: Uint32Array;
  /** The {@link hashWord} of each word. */
  hashes: Uint32Array;
  /** Open-addressing slots: 0 when empty, else the word's index + 1 (the last of equal words). */
  slots: Uint32Array;
}

/** Words by index and indices by word, over {@link WordTableParts}. */
export class WordTable {
  readonly parts: WordTableParts;
  readonly count: number;
  private readonly blob: Buffer;
  private readonly mask: number;
  private words: string[] | undefined;

  constructor(parts: WordTableParts, words?: string[]) {
    this.parts = parts;
    this.count = parts.offsets.length - 1;
    this.blob = Buffer.from(parts.blob.buffer, parts.blob.byteOffset, parts.blob.byteLength);
    this.mask = parts.slots.length - 1;
    this.words = words;
  }

  /** Builds the table of `words`; for equal words the last index wins, as a Python dict comprehension over `enumerate(itos)`. */
  static fromWords(words: string[]): WordTable {
    const count = words.length;
    const offsets = new Uint32Array(count + 1);
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      offsets[i] = bytes;
      bytes += Buffer.byteLength(words[i]!, 'utf8');
    }
    offsets[count] = bytes;
    const blob = Buffer.allocUnsafe(bytes);
    for (let i = 0; i < count; i++) blob.write(words[i]!, offsets[i]!, 'utf8');
    const hashes = new Uint32Array(count);
    const slots = new Uint32Array(slotCount(count));
    const mask = slots.length - 1;
    for (let i = 0; i < count; i++) {
      const word = words[i]!;
      const h = hashWord(word);
      hashes[i] = h;
      let s = h & mask;
      for (;;) {
        const at = slots[s]!;
        if (at === 0 || (hashes[at - 1] === h && words[at - 1] === word)) {
          slots[s] = i + 1;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    return new WordTable({ blob, offsets, hashes, slots }, words);
  }

  /** The index of `token` (the last one when it occurs several times), or -1. */
  indexOf(token: string): number {
    const { hashes, slots } = this.parts;
    const h = hashWord(token);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = slots[s]!;
      if (at === 0) return -1;
      if (hashes[at - 1] === h && this.word(at - 1) === token) return at - 1;
    }
  }

  /** The word at `index`. */
  word(index: number): string {
    if (this.words) return this.words[index]!;
    const { offsets } = this.parts;
    return this.blob.toString('utf8', offsets[index], offsets[index + 1]);
  }

  /** Every word, in order (decoded once). */
  all(): string[] {
    if (!this.words) {
      const words = new Array<string>(this.count);
      for (let i = 0; i < this.count; i++) words[i] = this.word(i);
      this.words = words;
    }
    return this.words;
  }

  /** The word-to-index Map (the last index of equal words), as torchtext's `stoi`. */
  toMap(): Map<string, number> {
    const words = this.all();
    const map = new Map<string, number>();
    for (let i = 0; i < words.length; i++) map.set(words[i]!, i);
    return map;
  }

  /**
   * Checks the stored parts fit together (offsets ascending within the blob, slots pointing at
   * words); returns what is wrong, or `undefined`.
   */
  static validate(parts: WordTableParts): string | undefined {
    const { blob, offsets, hashes, slots } = parts;
    const count = offsets.length - 1;
    if (hashes.length !== count) return `it has ${hashes.length} word hashes for ${count} words`;
    if (slots.length !== slotCount(count)) return `its word index has ${slots.length} slots, expected ${slotCount(count)}`;
    if (offsets[0] !== 0 || offsets[count] !== blob.length) return 'its word offsets do not span the word block';
    for (let i = 0; i < count; i++) if (offsets[i]! > offsets[i + 1]!) return `its word offsets decrease at word ${i}`;
    let used = 0;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s]! > count) return `its word index points past the ${count} words`;
      if (slots[s] !== 0) used++;
    }
    if (used > count) return `its word index has ${used} entries for ${count} words`;
    return undefined;
  }
}
