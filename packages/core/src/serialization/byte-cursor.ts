import type { ByteSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';

const WINDOW = 1 << 16;

/**
 * @internal Sequential little-endian reads over a `ByteSource`, buffered so a file-backed
 * source is not read one opcode at a time. Every read checks the bytes exist first, so a length
 * a corrupt file claims can never make it allocate more than the file holds.
 */
export class ByteCursor {
  pos: number;
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;

  constructor(
    readonly source: ByteSource,
    start = 0,
    readonly end = source.size,
    private readonly what = 'stream',
  ) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throws a truncation error unless `n` more bytes exist. */
  need(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.end - this.pos) {
      throw new CheckpointError(`${this.source.name}: ${this.what} is truncated or corrupt: needs ${n} bytes at offset ${this.pos} but only ${Math.max(0, this.end - this.pos)} remain`);
    }
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const off = this.pos - this.bufStart;
    if (off >= 0 && off + n <= this.buf.length) {
      this.pos += n;
      return this.buf.subarray(off, off + n);
    }
    if (n >= WINDOW) {
      const out = this.source.read(this.pos, n);
      this.pos += n;
      return out;
    }
    this.buf = this.source.read(this.pos, Math.min(WINDOW, this.end - this.pos));
    this.bufStart = this.pos;
    this.pos += n;
    return this.buf.subarray(0, n);
  }

  u8(): number {
    return this.bytes(1)[0];
  }

  u16(): number {
    const b = this.bytes(2);
    return b[0] | (b[1] << 8);
  }

  u32(): number {
    const b = this.bytes(4);
    return (b[0] | (b[1] << 8) | (b[2] << 16)) + b[3] * 0x1000000;
  }

  i32(): number {
    const b = this.bytes(4);
    return b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
  }

  /** An unsigned 64-bit length; values beyond 2^53 are returned as Infinity (so `need` fails). */
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
  }

  /** Bytes up to (not including) the next `\n`, consuming the newline. */
  line(maxLength = 1 << 16): Uint8Array {
    const start = this.pos;
    for (let n = 0; n <= maxLength && this.pos < this.end; n++) {
      if (this.u8() === 0x0a) {
        this.pos = start;
        const out = this.bytes(n).slice();
        this.pos++;
        return out;
      }
    }
    throw new CheckpointError(`${this.source.name}: ${this.what} is truncated or corrupt: no end of line within ${maxLength} bytes at offset ${start}`);
  }
}
