const BIG = 1 << 15;

/**
 * @internal Builds output as a list of chunks: small writes go through a growing buffer, large
 * payloads (tensor data) are kept as their own chunks, so a file can be written without first
 * copying everything into one array.
 */
export class ChunkWriter {
  /** Total bytes written so far. */
  length = 0;
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(1024);
  private used = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    if (this.used > 0 && this.buf.length >= BIG) this.flush();
    if (this.used + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.used + n));
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.chunks.push(this.buf.slice(0, this.used));
    this.used = 0;
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.used++] = v & 0xff;
    this.length++;
  }

  u16(v: number): void {
    this.u8(v);
    this.u8(v >>> 8);
  }

  u32(v: number): void {
    this.room(4);
    this.scratch.setUint32(0, v >>> 0, true);
    this.buf.set(new Uint8Array(this.scratch.buffer, 0, 4), this.used);
    this.used += 4;
    this.length += 4;
  }

  i32(v: number): void {
    this.u32(v >>> 0);
  }

  /** An unsigned integer below 2^53 as 8 little-endian bytes. */
  u64(v: number): void {
    this.u32(v % 0x100000000);
    this.u32(Math.floor(v / 0x100000000));
  }

  /** A float64 in big-endian order (pickle's BINFLOAT). */
  f64be(v: number): void {
    this.room(8);
    this.scratch.setFloat64(0, v, false);
    this.buf.set(new Uint8Array(this.scratch.buffer, 0, 8), this.used);
    this.used += 8;
    this.length += 8;
  }

  /** Appends bytes; large arrays are kept by reference (callers must not change them later). */
  bytes(b: Uint8Array): void {
    if (b.length >= BIG) {
      this.flush();
      this.chunks.push(b);
    } else {
      this.room(b.length);
      this.buf.set(b, this.used);
      this.used += b.length;
    }
    this.length += b.length;
  }

  /** Zero bytes, or a repeated byte. */
  fill(n: number, value = 0): void {
    this.room(n);
    this.buf.fill(value, this.used, this.used + n);
    this.used += n;
    this.length += n;
  }

  /** The chunks written, in order (the writer must not be used afterwards). */
  finish(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }
}

/** @internal Joins chunks into one array. */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
