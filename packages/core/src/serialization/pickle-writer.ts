import { ChunkWriter } from './chunk-writer';

const BATCH = 1000;

/**
 * @internal Emits pickle protocol 2 opcodes (what `torch.save` writes by default). The caller
 * drives the structure: `mark()` + items + `appends()`, `tuple()`, and so on; globals are
 * memoized so each is spelled out once.
 */
export class PickleWriter {
  readonly out = new ChunkWriter();
  private readonly globals = new Map<string, number>();
  private nextMemo = 0;

  constructor() {
    this.out.u8(0x80);
    this.out.u8(2);
  }

  /** Stores the top of the stack in the memo and returns its index. */
  put(): number {
    const i = this.nextMemo++;
    if (i < 256) {
      this.out.u8(0x71); // BINPUT
      this.out.u8(i);
    } else {
      this.out.u8(0x72); // LONG_BINPUT
      this.out.u32(i);
    }
    return i;
  }

  get(i: number): void {
    if (i < 256) {
      this.out.u8(0x68); // BINGET
      this.out.u8(i);
    } else {
      this.out.u8(0x6a); // LONG_BINGET
      this.out.u32(i);
    }
  }

  global(module: string, name: string): void {
    const key = `${module}\n${name}`;
    const known = this.globals.get(key);
    if (known !== undefined) {
      this.get(known);
      return;
    }
    this.out.u8(0x63); // GLOBAL
    this.out.bytes(new TextEncoder().encode(`${module}\n${name}\n`));
    this.globals.set(key, this.put());
  }

  none(): void {
    this.out.u8(0x4e);
  }

  bool(v: boolean): void {
    this.out.u8(v ? 0x88 : 0x89);
  }

  /** An int: the shortest of BININT1 / BININT2 / BININT / LONG1. */
  int(v: number | bigint): void {
    if (typeof v === 'number' && v >= 0 && v < 256) {
      this.out.u8(0x4b);
      this.out.u8(v);
    } else if (typeof v === 'number' && v >= 0 && v < 65536) {
      this.out.u8(0x4d);
      this.out.u16(v);
    } else if (typeof v === 'number' && v >= -2147483648 && v <= 2147483647) {
      this.out.u8(0x4a);
      this.out.i32(v);
    } else {
      this.long(BigInt(v));
    }
  }

  private long(v: bigint): void {
    // Two's complement, little-endian, shortest length that keeps the sign bit right.
    const bytes: number[] = [];
    let x = v;
    for (;;) {
      const b = Number(x & 0xffn);
      bytes.push(b);
      x >>= 8n;
      if ((x === 0n && (b & 0x80) === 0) || (x === -1n && (b & 0x80) !== 0)) break;
    }
    if (bytes.length < 256) {
      this.out.u8(0x8a); // LONG1
      this.out.u8(bytes.length);
    } else {
      this.out.u8(0x8b); // LONG4
      this.out.u32(bytes.length);
    }
    this.out.bytes(Uint8Array.from(bytes));
  }

  float(v: number): void {
    this.out.u8(0x47); // BINFLOAT
    this.out.f64be(v);
  }

  str(v: string): void {
    const b = new TextEncoder().encode(v);
    this.out.u8(0x58); // BINUNICODE
    this.out.u32(b.length);
    this.out.bytes(b);
  }

  /** Bytes the protocol-2 way: `_codecs.encode(<latin-1 str>, 'latin1')`. */
  bytes(v: Uint8Array): void {
    this.global('_codecs', 'encode');
    let s = '';
    for (let i = 0; i < v.length; i += 8192) s += String.fromCharCode(...v.subarray(i, i + 8192));
    this.str(s);
    this.str('latin1');
    this.out.u8(0x86); // TUPLE2
    this.reduce();
  }

  mark(): void {
    this.out.u8(0x28);
  }

  /** Closes a MARK into a tuple (TUPLE1-3 need no MARK: use `tupleN`). */
  tuple(): void {
    this.out.u8(0x74);
  }

  emptyTuple(): void {
    this.out.u8(0x29);
  }

  /** TUPLE1, TUPLE2 or TUPLE3 over the last n (1-3) items. */
  tupleN(n: 1 | 2 | 3): void {
    this.out.u8(0x84 + n);
  }

  emptyList(): void {
    this.out.u8(0x5d);
  }

  emptyDict(): void {
    this.out.u8(0x7d);
  }

  appends(): void {
    this.out.u8(0x65);
  }

  setitems(): void {
    this.out.u8(0x75);
  }

  reduce(): void {
    this.out.u8(0x52);
  }

  binpersid(): void {
    this.out.u8(0x51);
  }

  /** Items in batches of 1000 between MARK and APPENDS / SETITEMS, as Python's pickler does. */
  batched<T>(items: readonly T[], writeItem: (item: T) => void, close: () => void): void {
    for (let i = 0; i < items.length; i += BATCH) {
      this.mark();
      for (const item of items.slice(i, i + BATCH)) writeItem(item);
      close();
    }
  }

  stop(): Uint8Array[] {
    this.out.u8(0x2e);
    return this.out.finish();
  }
}
