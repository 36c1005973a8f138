/** @internal MAT-file data types (the `mi*` codes of a data element's tag). */
export const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  MATRIX: 14,
  COMPRESSED: 15,
  UTF8: 16,
  UTF16: 17,
  UTF32: 18,
} as const;

/** @internal One data element: its type and its data bytes (a view), and where the next one starts. */
export interface MatElement {
  type: number;
  data: Uint8Array;
  /** Offset (in the same buffer) of the element after this one. */
  next: number;
}

/**
 * @internal Reads MAT-file v5 data elements from a buffer in the file's byte order, checking
 * every length against the bytes present before using it. `fail` throws the reader's error.
 */
export class MatElementReader {
  readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
    readonly fail: (why: string) => never,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * The element at `pos`, which must end by `end`: a small element (type and length packed in
   * the tag's first word, data in its second) or a normal one (data padded to 8 bytes, except
   * after miCOMPRESSED; missing padding at the very end is tolerated).
   */
  element(pos: number, end: number, what: string): MatElement {
    if (pos + 8 > end) this.fail(`${what}: the data element tag at offset ${pos} needs 8 bytes but ${end - pos} remain`);
    const first = this.view.getUint32(pos, this.littleEndian);
    const small = first >>> 16;
    if (small !== 0) {
      if (small > 4) this.fail(`${what}: a small data element at offset ${pos} claims ${small} bytes (at most 4 fit)`);
      return { type: first & 0xffff, data: this.bytes.subarray(pos + 4, pos + 4 + small), next: pos + 8 };
    }
    const length = this.view.getUint32(pos + 4, this.littleEndian);
    const start = pos + 8;
    if (length > end - start) this.fail(`${what}: the data element at offset ${pos} claims ${length} bytes but ${end - start} remain`);
    const padded = first === MI.COMPRESSED ? length : Math.ceil(length / 8) * 8;
    return { type: first, data: this.bytes.subarray(start, start + length), next: Math.min(start + padded, end) };
  }
}
