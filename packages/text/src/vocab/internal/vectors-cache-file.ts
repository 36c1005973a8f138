// The binary cache of a parsed vectors file (what torchtext keeps as `<name>.pt`): a 64-byte
// header, then the float32 vectors, the word offsets, hashes and index, and the UTF-8 words, all
// little-endian and 4-byte aligned so they are used in place once read. A CRC-32 of the header and
// one of the body catch truncated, overwritten and bit-rotted files.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { VectorsCacheError } from '../../errors/vectors-cache-error';
import { WordTable } from './word-table';

const MAGIC = Buffer.from('DLTXTVEC', 'latin1');
const VERSION = 1;
const HEADER = 64;
const CHUNK = 8 << 20;
const READS_AHEAD = 3;

/** Whether this machine can use the cache format in place (little-endian, as nearly all are). */
export const CACHE_SUPPORTED = endianness() === 'LE';

/** The size and modification time of the text file a cache was made from. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
}

/** Vectors as the cache holds them. */
export interface CachedVectors {
  dim: number;
  data: Float32Array;
  table: WordTable;
}

/** What {@link readVectorsCache} found. */
export type CacheRead = { vectors: CachedVectors; source: SourceStamp | undefined } | { corrupt: string };

function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function crcOf(parts: Buffer[]): number {
  let crc = 0;
  for (const p of parts) for (let at = 0; at < p.length; at += 1 << 30) crc = crc32(p.subarray(at, Math.min(p.length, at + (1 << 30))), crc);
  return crc;
}

/** Writes `vectors` to `path` atomically (a temporary file renamed into place). */
export async function writeVectorsCache(path: string, vectors: CachedVectors, source: SourceStamp | undefined): Promise<void> {
  const { dim, data, table } = vectors;
  const { blob, offsets, hashes, slots } = table.parts;
  const body = [bytesOf(data), bytesOf(offsets), bytesOf(hashes), bytesOf(slots), bytesOf(blob)];
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(VERSION, 8);
  header.writeUInt32LE(dim, 12);
  header.writeUInt32LE(table.count, 16);
  header.writeUInt32LE(slots.length, 20);
  header.writeUInt32LE(blob.length, 24);
  header.writeDoubleLE(source?.size ?? -1, 32);
  header.writeDoubleLE(source?.mtimeMs ?? -1, 40);
  header.writeUInt32LE(crcOf(body), 48);
  header.writeUInt32LE(crc32(header.subarray(0, 52)), 52);

  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(temp, 'w');
    try {
      let position = 0;
      for (const part of [header, ...body]) {
        for (let at = 0; at < part.length; at += 64 << 20) {
          const piece = part.subarray(at, Math.min(part.length, at + (64 << 20)));
          await fh.write(piece, 0, piece.length, position);
          position += piece.length;
        }
      }
    } finally {
      await fh.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new VectorsCacheError(`Vectors: cannot write the vectors cache ${path} (${reason})`, { path, cause: error });
  }
}

/** Reads the cache at `path`: `undefined` when there is none, `{ corrupt }` naming what is wrong with it. */
export async function readVectorsCache(path: string): Promise<CacheRead | undefined> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new VectorsCacheError(`Vectors: cannot read the vectors cache ${path} (${(error as NodeJS.ErrnoException).code})`, { path, cause: error });
  }
  try {
    const size = (await fh.stat()).size;
    if (size < HEADER) return { corrupt: `it is ${size} bytes, shorter than the ${HEADER}-byte header` };
    const header = Buffer.alloc(HEADER);
    await fh.read(header, 0, HEADER, 0);
    if (!header.subarray(0, 8).equals(MAGIC)) return { corrupt: 'it does not start with the DLTXTVEC signature' };
    if (header.readUInt32LE(8) !== VERSION) return { corrupt: `it is format version ${header.readUInt32LE(8)}, this version reads ${VERSION}` };
    if (header.readUInt32LE(52) !== crc32(header.subarray(0, 52))) return { corrupt: 'its header checksum does not match' };
    const dim = header.readUInt32LE(12);
    const count = header.readUInt32LE(16);
    const slots = header.readUInt32LE(20);
    const blobBytes = header.readUInt32LE(24);
    const floats = count * dim * 4;
    const layout = [floats, (count + 1) * 4, count * 4, slots * 4, blobBytes];
    const bodyBytes = layout.reduce((a, b) => a + b, 0);
    if (HEADER + bodyBytes !== size) return { corrupt: `it is ${size} bytes, its header describes ${HEADER + bodyBytes} (truncated or overwritten)` };

    const body = new ArrayBuffer(bodyBytes);
    const bytes = new Uint8Array(body);
    // Reads run in libuv's threads, a few chunks ahead, while this thread checksums the chunks
    // already in: the CRC costs next to nothing on top of the read.
    const reads: Promise<{ at: number; n: number }>[] = [];
    let next = 0;
    const issue = () => {
      if (next >= bodyBytes) return;
      const at = next;
      const length = Math.min(CHUNK, bodyBytes - at);
      next += length;
      reads.push(fh.read(bytes, at, length, HEADER + at).then((r) => ({ at, n: r.bytesRead })));
    };
    for (let k = 0; k < READS_AHEAD; k++) issue();
    let crc = 0;
    let short: number | undefined;
    try {
      while (reads.length > 0) {
        const { at, n } = await reads.shift()!;
        if (n < Math.min(CHUNK, bodyBytes - at)) short ??= HEADER + at + n;
        issue();
        crc = crc32(bytes.subarray(at, at + n), crc);
      }
    } catch (error) {
      await Promise.allSettled(reads); // no read may fail later unobserved
      throw new VectorsCacheError(`Vectors: cannot read the vectors cache ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { path, cause: error });
    }
    if (short !== undefined) return { corrupt: `it ended after ${short} bytes while being read` };
    if (crc !== header.readUInt32LE(48)) return { corrupt: 'its data checksum does not match (the file was changed or damaged)' };

    let at = 0;
    const view = <T>(make: (offset: number) => T, length: number): T => {
      const v = make(at);
      at += length;
      return v;
    };
    const data = view((o) => new Float32Array(body, o, count * dim), floats);
    const parts = {
      offsets: view((o) => new Uint32Array(body, o, count + 1), layout[1]!),
      hashes: view((o) => new Uint32Array(body, o, count), layout[2]!),
      slots: view((o) => new Uint32Array(body, o, slots), layout[3]!),
      blob: view((o) => new Uint8Array(body, o, blobBytes), blobBytes),
    };
    const wrong = dim === 0 ? 'its vectors have 0 dimensions' : WordTable.validate(parts);
    if (wrong) return { corrupt: wrong };
    const sourceSize = header.readDoubleLE(32);
    const source = sourceSize < 0 ? undefined : { size: sourceSize, mtimeMs: header.readDoubleLE(40) };
    return { vectors: { dim, data, table: new WordTable(parts) }, source };
  } finally {
    await fh.close();
  }
}
