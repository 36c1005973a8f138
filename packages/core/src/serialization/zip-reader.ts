import { checkRange, sliceSource, type ByteSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import { crc32 } from './crc32';

/** @internal One file in a zip archive, from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** The name as stored, to compare with the local header. */
  rawName: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  const hi = u32(b, at + 4);
  // Offsets past 2^53 cannot be real here; Infinity makes the range checks refuse them.
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + u32(b, at);
}

/** @internal Whether a name is safe to treat as a path inside the archive (no `..`, not absolute). */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

/**
 * @internal A read-only zip archive over a `ByteSource`, as PyTorch's checkpoints use it:
 * stored (uncompressed) entries, ZIP64 when large, CRC-32 checked on every read. It refuses
 * anything surprising (unsafe names, duplicates, overlapping or out-of-file ranges, encryption)
 * with a `CheckpointError` instead of guessing.
 */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly dataStart = new Map<string, number>();
  private centralStart = 0;

  constructor(readonly source: ByteSource) {
    this.readCentralDirectory();
  }

  private fail(message: string): never {
    throw new CheckpointError(`${this.source.name}: ${message}`);
  }

  private findEnd(): number {
    const size = this.source.size;
    if (size < 22) this.fail(`not a zip archive: ${size} bytes is shorter than the 22-byte end-of-central-directory record (truncated?)`);
    const span = Math.min(size, 22 + MAX_COMMENT);
    const tail = this.source.read(size - span, span);
    for (let i = span - 22; i >= 0; i--) {
      if (u32(tail, i) === SIG_EOCD && i + 22 + u16(tail, i + 20) <= span) return size - span + i;
    }
    return this.fail('not a zip archive or truncated: end-of-central-directory record not found');
  }

  private readCentralDirectory(): void {
    const eocdAt = this.findEnd();
    const eocd = this.source.read(eocdAt, 22);
    let count = u16(eocd, 10);
    let cdSize = u32(eocd, 12);
    let cdOffset = u32(eocd, 16);
    let cdLimit = eocdAt;
    if (u16(eocd, 4) !== 0 && u16(eocd, 4) !== 0xffff) this.fail('multi-disk zip archives are not supported');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (eocdAt >= 20 && u32(this.source.read(eocdAt - 20, 4), 0) === SIG_LOCATOR64)) {
      if (eocdAt < 20) this.fail('ZIP64 end-of-central-directory locator is missing');
      const loc = this.source.read(eocdAt - 20, 20);
      if (u32(loc, 0) !== SIG_LOCATOR64) this.fail('ZIP64 end-of-central-directory locator is missing (corrupt archive)');
      const at = u64(loc, 8);
      checkRange(this.source, at, 56, 'the ZIP64 end-of-central-directory record');
      if (at + 56 > eocdAt - 20) this.fail(`ZIP64 end-of-central-directory record at ${at} overlaps the locator`);
      const rec = this.source.read(at, 56);
      if (u32(rec, 0) !== SIG_EOCD64) this.fail(`ZIP64 end-of-central-directory record not found at offset ${at}`);
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
      cdLimit = at;
    }
    if (!(cdOffset + cdSize <= cdLimit)) {
      this.fail(`central directory (offset ${cdOffset}, ${cdSize} bytes) runs past its end record at ${cdLimit} (truncated or corrupt)`);
    }
    if (!(count * 46 <= cdSize)) this.fail(`central directory claims ${count} entries but has only ${cdSize} bytes (corrupt)`);
    this.centralStart = cdOffset;
    const cd = this.source.read(cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) this.fail(`central directory entry ${i} is malformed (bad signature at offset ${cdOffset + p})`);
      const flags = u16(cd, p + 8);
      const method = u16(cd, p + 10);
      const crc = u32(cd, p + 16);
      let compressedSize = u32(cd, p + 20);
      let size = u32(cd, p + 24);
      const nameLen = u16(cd, p + 28);
      const extraLen = u16(cd, p + 30);
      const commentLen = u16(cd, p + 32);
      let localHeaderOffset = u32(cd, p + 42);
      const end = p + 46 + nameLen + extraLen + commentLen;
      if (end > cd.length) this.fail(`central directory entry ${i} runs past the directory (corrupt)`);
      const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
      const name = flags & 0x800 ? new TextDecoder('utf-8', { fatal: false }).decode(nameBytes) : String.fromCharCode(...nameBytes);
      const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = u16(extra, e);
        const len = u16(extra, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const take = (): number => {
            if (q + 8 > e + 4 + len) this.fail(`zip entry '${name}' has a short ZIP64 extra field`);
            const v = u64(extra, q);
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
        }
        e += 4 + len;
      }
      if (!isSafeEntryName(name)) this.fail(`zip entry '${name}' has an unsafe path (absolute, with '..', a backslash or NUL); refusing the archive`);
      if (this.entries.has(name)) this.fail(`zip entry '${name}' appears twice; refusing the ambiguous archive`);
      if (!(localHeaderOffset + 30 <= cdOffset)) this.fail(`zip entry '${name}' claims a local header at ${localHeaderOffset}, past the entries area (ends at ${cdOffset})`);
      this.entries.set(name, { name, method, flags, crc32: crc, compressedSize, size, localHeaderOffset, rawName: nameBytes.slice() });
      p = end;
    }
  }

  /** Names of all entries, in central-directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  entry(name: string): ZipEntry {
    const e = this.entries.get(name);
    if (!e) this.fail(`zip entry '${name}' is missing`);
    return e;
  }

  private start(e: ZipEntry): number {
    const known = this.dataStart.get(e.name);
    if (known !== undefined) return known;
    if (e.flags & 1) this.fail(`zip entry '${e.name}' is encrypted`);
    if (e.method !== 0) {
      this.fail(`zip entry '${e.name}' is compressed (method ${e.method}${e.method === 8 ? ', deflate' : ''}); checkpoints store entries uncompressed, as torch.save writes them`);
    }
    if (e.compressedSize !== e.size) this.fail(`zip entry '${e.name}' is stored but its sizes differ (${e.compressedSize} vs ${e.size})`);
    const h = this.source.read(e.localHeaderOffset, 30);
    if (u32(h, 0) !== SIG_LOCAL) this.fail(`zip entry '${e.name}': no local header at offset ${e.localHeaderOffset} (corrupt)`);
    const nameLen = u16(h, 26);
    const extraLen = u16(h, 28);
    checkRange(this.source, e.localHeaderOffset + 30, nameLen + extraLen, `the local header of '${e.name}'`);
    const local = this.source.read(e.localHeaderOffset + 30, nameLen);
    if (local.length !== e.rawName.length || local.some((b, i) => b !== e.rawName[i])) {
      this.fail(`zip entry '${e.name}': its local header names '${String.fromCharCode(...local)}' (corrupt or crafted archive)`);
    }
    const at = e.localHeaderOffset + 30 + nameLen + extraLen;
    if (!(at + e.size <= this.centralStart)) {
      this.fail(`zip entry '${e.name}' (${e.size} bytes at offset ${at}) runs past the end of the entries area at ${this.centralStart} (truncated or corrupt)`);
    }
    this.dataStart.set(e.name, at);
    return at;
  }

  /** The entry's bytes as a source (no read yet, no checksum). */
  sourceOf(name: string): ByteSource {
    const e = this.entry(name);
    return sliceSource(this.source, this.start(e), e.size, `${this.source.name}:${name}`);
  }

  /** The entry's bytes, checked against its CRC-32. */
  read(name: string): Uint8Array {
    const e = this.entry(name);
    const data = this.source.read(this.start(e), e.size);
    const got = crc32(data);
    if (got !== e.crc32) this.fail(`zip entry '${name}' is corrupt: CRC-32 ${hex(got)} does not match the recorded ${hex(e.crc32)}`);
    return data;
  }
}

function hex(v: number): string {
  return `0x${v.toString(16).padStart(8, '0')}`;
}
