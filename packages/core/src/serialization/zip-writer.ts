import { ChunkWriter } from './chunk-writer';
import { crc32 } from './crc32';

/** @internal One file to store: its name and its bytes (as one or more chunks). */
export interface ZipInput {
  name: string;
  data: readonly Uint8Array[];
}

/** @internal Options of `writeZip`. */
export interface ZipWriteOptions {
  /** Start each entry's data at a multiple of this many bytes (PyTorch uses 64, for mmap). @default 64 */
  align?: number;
  /** Write ZIP64 records even when the sizes do not need them (tests). @default false */
  forceZip64?: boolean;
}

const LIMIT32 = 0xffffffff;
// DOS date 1980-01-01, time 00:00: fixed so the same input gives the same bytes.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * @internal Writes a zip of stored (uncompressed) entries the way PyTorch's writer lays them out:
 * UTF-8 names, data aligned with a padding extra field (id `FB`), CRC-32 in the headers, and
 * ZIP64 records when an entry, an offset or the entry count passes the 32-bit limits.
 */
export function writeZip(entries: readonly ZipInput[], options: ZipWriteOptions = {}): Uint8Array[] {
  const align = options.align ?? 64;
  const force = options.forceZip64 ?? false;
  const out = new ChunkWriter();
  const central: { name: Uint8Array; crc: number; size: number; offset: number }[] = [];
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    let size = 0;
    let crc = 0;
    for (const c of entry.data) {
      size += c.length;
      crc = crc32(c, crc);
    }
    const offset = out.length;
    const zip64 = force || size >= LIMIT32;
    const zip64Extra = zip64 ? 20 : 0;
    const before = offset + 30 + name.length + zip64Extra + 4;
    const pad = align > 1 ? (align - (before % align)) % align : 0;
    out.u32(0x04034b50);
    out.u16(zip64 ? 45 : 20);
    out.u16(0x0800);
    out.u16(0);
    out.u16(0);
    out.u16(DOS_DATE);
    out.u32(crc);
    out.u32(zip64 ? LIMIT32 : size);
    out.u32(zip64 ? LIMIT32 : size);
    out.u16(name.length);
    out.u16(zip64Extra + 4 + pad);
    out.bytes(name);
    if (zip64) {
      out.u16(0x0001);
      out.u16(16);
      out.u64(size);
      out.u64(size);
    }
    out.u16(0x4246); // 'FB': PyTorch's alignment padding field
    out.u16(pad);
    out.fill(pad, 0x5a);
    for (const c of entry.data) out.bytes(c);
    central.push({ name, crc, size, offset });
  }
  const cdOffset = out.length;
  for (const e of central) {
    const bigSize = force || e.size >= LIMIT32;
    const bigOffset = force || e.offset >= LIMIT32;
    const extraLen = bigSize || bigOffset ? 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
    out.u32(0x02014b50);
    out.u16(extraLen ? 45 : 20);
    out.u16(extraLen ? 45 : 20);
    out.u16(0x0800);
    out.u16(0);
    out.u16(0);
    out.u16(DOS_DATE);
    out.u32(e.crc);
    out.u32(bigSize ? LIMIT32 : e.size);
    out.u32(bigSize ? LIMIT32 : e.size);
    out.u16(e.name.length);
    out.u16(extraLen);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u32(0);
    out.u32(bigOffset ? LIMIT32 : e.offset);
    out.bytes(e.name);
    if (extraLen) {
      out.u16(0x0001);
      out.u16(extraLen - 4);
      if (bigSize) {
        out.u64(e.size);
        out.u64(e.size);
      }
      if (bigOffset) out.u64(e.offset);
    }
  }
  const cdSize = out.length - cdOffset;
  const needs64 = force || central.length >= 0xffff || cdOffset >= LIMIT32 || cdSize >= LIMIT32;
  if (needs64) {
    const eocd64At = out.length;
    out.u32(0x06064b50);
    out.u64(44);
    out.u16(45);
    out.u16(45);
    out.u32(0);
    out.u32(0);
    out.u64(central.length);
    out.u64(central.length);
    out.u64(cdSize);
    out.u64(cdOffset);
    out.u32(0x07064b50);
    out.u32(0);
    out.u64(eocd64At);
    out.u32(1);
  }
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(needs64 ? 0xffff : central.length);
  out.u16(needs64 ? 0xffff : central.length);
  out.u32(needs64 ? LIMIT32 : cdSize);
  out.u32(needs64 ? LIMIT32 : cdOffset);
  out.u16(0);
  return out.finish();
}
