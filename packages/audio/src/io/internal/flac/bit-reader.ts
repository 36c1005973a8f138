/** @internal Thrown by BitReader when a read runs past the end of its bytes. */
export class EndOfData extends Error {}

/**
 * @internal Reads a byte array MSB-first, as FLAC codes it: fixed-width fields, unary and Rice
 * codes. Up to 32 bits wait in a cache word, so the Rice codes of the residuals (most of a FLAC
 * stream) cost a few shifts each. Reads past the end throw EndOfData, so corrupt lengths never
 * loop or read garbage.
 */
export class BitReader {
  private readonly bytes: Uint8Array;
  private readonly end: number;
  /** The next byte to move into the cache. */
  private next: number;
  /** Unread bits, left-aligned in a 32-bit word. */
  private cache = 0;
  /** How many bits of `cache` are unread. */
  private bits = 0;

  constructor(bytes: Uint8Array, start: number, end = bytes.length) {
    this.bytes = bytes;
    this.next = start;
    this.end = end;
  }

  /** The byte the next read starts in (exact after alignToByte). */
  get pos(): number {
    return this.next - (this.bits >> 3);
  }

  private refill(): void {
    while (this.bits <= 24 && this.next < this.end) {
      this.cache = (this.cache | (this.bytes[this.next++]! << (24 - this.bits))) >>> 0;
      this.bits += 8;
    }
  }

  /** An unsigned field of `n` bits (0 to 53). */
  read(n: number): number {
    if (n > 24) {
      const high = this.read(n - 24);
      return high * 16777216 + this.read(24);
    }
    if (n === 0) return 0;
    if (this.bits < n) {
      this.refill();
      if (this.bits < n) throw new EndOfData();
    }
    const value = this.cache >>> (32 - n);
    this.cache = (this.cache << n) >>> 0;
    this.bits -= n;
    return value;
  }

  /** A two's-complement field of `n` bits (1 to 53). */
  readSigned(n: number): number {
    const v = this.read(n);
    const half = 2 ** (n - 1);
    return v >= half ? v - 2 * half : v;
  }

  /** The number of 0 bits before the next 1 bit (which is consumed too). */
  readUnary(): number {
    let zeros = 0;
    for (;;) {
      if (this.bits === 0) {
        this.refill();
        if (this.bits === 0) throw new EndOfData();
      }
      if (this.cache !== 0) {
        const lead = Math.clz32(this.cache);
        if (lead < this.bits) {
          this.cache = (this.cache << (lead + 1)) >>> 0;
          this.bits -= lead + 1;
          return zeros + lead;
        }
      }
      // Every cached bit is 0.
      zeros += this.bits;
      this.cache = 0;
      this.bits = 0;
    }
  }

  /** A Rice-coded signed value with parameter `k` (zigzag: 0, -1, 1, -2, ...). */
  readRice(k: number): number {
    const q = this.readUnary();
    const u = k === 0 ? q : q * 2 ** k + this.read(k);
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /**
   * Rice-coded signed values with parameter `k` into out[from, to): the residuals of a FLAC
   * partition. The cache lives in locals for the loop, which is most of a FLAC decode.
   */
  readRiceBlock(k: number, out: Float64Array, from: number, to: number): void {
    if (k > 24) {
      // Wider than one cache refill (32-bit streams): the general path.
      for (let i = from; i < to; i++) out[i] = this.readRice(k);
      return;
    }
    const bytes = this.bytes;
    const end = this.end;
    let cache = this.cache;
    let bits = this.bits;
    let next = this.next;
    for (let i = from; i < to; i++) {
      // The unary quotient: count zeros up to the next 1.
      let q = 0;
      for (;;) {
        if (bits <= 24) {
          while (bits <= 24 && next < end) {
            cache = (cache | (bytes[next++]! << (24 - bits))) >>> 0;
            bits += 8;
          }
          if (bits === 0) {
            this.next = next;
            throw new EndOfData();
          }
        }
        const lead = Math.clz32(cache);
        if (lead < bits) {
          cache = (cache << (lead + 1)) >>> 0;
          bits -= lead + 1;
          q += lead;
          break;
        }
        q += bits;
        cache = 0;
        bits = 0;
      }
      // The k low bits.
      let low = 0;
      if (k > 0) {
        if (bits < k) {
          while (bits <= 24 && next < end) {
            cache = (cache | (bytes[next++]! << (24 - bits))) >>> 0;
            bits += 8;
          }
          if (bits < k) {
            this.next = next;
            throw new EndOfData();
          }
        }
        low = cache >>> (32 - k);
        cache = (cache << k) >>> 0;
        bits -= k;
      }
      // Zigzag back to signed: in int32 when it fits (always, for valid streams).
      if (k <= 29 && q < 1 << (30 - k)) {
        const u = (q << k) | low;
        out[i] = (u >>> 1) ^ -(u & 1);
      } else {
        const u = q * 2 ** k + low;
        out[i] = u % 2 === 1 ? -(u + 1) / 2 : u / 2;
      }
    }
    this.cache = cache;
    this.bits = bits;
    this.next = next;
  }

  /** Skips to the next byte boundary. */
  alignToByte(): void {
    const drop = this.bits & 7;
    this.cache = (this.cache << drop) >>> 0;
    this.bits -= drop;
  }
}
