// Rows of floats appended one at a time, in blocks, so a file of unknown length never needs a
// buffer twice its size (glove.840B.300d is 2.6 GB of float32).

const BLOCK_FLOATS = 1 << 22; // 16 MB blocks

/** Rows of `dim` floats written in place (`block`, `offset`) and gathered by {@link finish}. */
export class RowStore {
  readonly dim: number;
  /** The block the next row goes to. */
  block: Float32Array;
  /** Where the next row starts in `block`. */
  offset = 0;
  private readonly blocks: Float32Array[] = [];
  private readonly blockRows: number;
  private rows = 0;

  /** `expectedRows` (a header's count) sizes the first block exactly; `blockFloats` sizes the others. */
  constructor(dim: number, expectedRows?: number, blockFloats = BLOCK_FLOATS) {
    this.dim = dim;
    this.blockRows = Math.max(1, Math.floor(blockFloats / dim));
    this.block = new Float32Array((expectedRows !== undefined && expectedRows > 0 ? expectedRows : this.blockRows) * dim);
  }

  /** The number of committed rows. */
  get length(): number {
    return this.rows;
  }

  /** Keeps the row just written at `offset` and moves to the next slot. */
  commit(): void {
    this.rows++;
    this.offset += this.dim;
    if (this.offset + this.dim > this.block.length) {
      this.blocks.push(this.block);
      this.block = new Float32Array(this.blockRows * this.dim);
      this.offset = 0;
    }
  }

  /** All committed rows in one array of `length * dim` floats. */
  finish(): Float32Array {
    const total = this.rows * this.dim;
    const first = this.blocks[0] ?? this.block;
    if (this.blocks.length === 0 || (this.blocks.length === 1 && this.offset === 0)) {
      return first.length === total ? first : first.slice(0, total);
    }
    const out = new Float32Array(total);
    let at = 0;
    for (const b of [...this.blocks, this.block.subarray(0, this.offset)]) {
      const n = Math.min(b.length, total - at);
      out.set(n === b.length ? b : b.subarray(0, n), at);
      at += n;
    }
    this.blocks.length = 0;
    return out;
  }
}
