import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type FileHandle, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '@dl/core/node';
import { decodeBmp } from '../../io/decode-bmp';
import { compareCodePoints } from './compare-code-points';
import { errorNamingFile } from './error-naming-file';

/** @internal The side of a PhotoTour patch. */
export const PATCH_SIZE = 64;
const PATCH_BYTES = PATCH_SIZE * PATCH_SIZE;
const HEADER_BYTES = 16;
const MAGIC = 0x54504c44; // 'DLPT' little-endian
const VERSION = 1;

/** @internal Grayscale 64x64 patches, read one at a time. */
export interface PatchStore {
  /** How many patches. */
  readonly count: number;
  /** The 4096 bytes (row-major) of patch `i`, a fresh copy. */
  read(i: number): Uint8Array;
  /** Releases the file, if any. */
  close(): void;
}

/**
 * @internal PhotoTour's patches: from the cache file when it is there and whole; else cut from
 * the `*bmp` sheets of `folder` (sorted by name; each sheet read left to right, top to bottom in
 * 64x64 tiles, as torchvision's `read_image_file`), at most `limit` of them, and written to the
 * cache file (header `DLPT`, version, count, patch size; then the raw patches) so later runs and
 * DataLoader workers read patches from disk instead of holding them all. If the cache cannot be
 * written (a read-only folder), the patches are kept in memory.
 */
export async function openPatchStore(folder: string, cacheFile: string, limit: number, op: string): Promise<PatchStore> {
  const cached = openCache(cacheFile);
  if (cached) return cached;
  const sheets = (await readdir(folder)).filter((name) => name.endsWith('bmp')).sort(compareCodePoints);
  if (sheets.length === 0) throw new DatasetError(`${op}: no patch sheet (*.bmp) in ${folder}`);
  const tmp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  let file: FileHandle | undefined;
  try {
    file = await open(tmp, 'wx');
  } catch {
    const chunks: Uint8Array[] = [];
    const count = await cutSheets(folder, sheets, limit, op, async (chunk) => void chunks.push(chunk));
    return memoryStore(Buffer.concat(chunks), count);
  }
  try {
    await file.write(new Uint8Array(HEADER_BYTES));
    const count = await cutSheets(folder, sheets, limit, op, async (chunk) => void (await file!.write(chunk)));
    await file.write(header(count), 0, HEADER_BYTES, 0);
    await file.close();
    await rename(tmp, cacheFile);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  const store = openCache(cacheFile);
  if (!store) throw new DatasetError(`${op}: the patch cache ${cacheFile} just written cannot be read back`);
  return store;
}

/** Cuts the sheets into patches, handing over one sheet's patches at a time; resolves with the count. */
async function cutSheets(folder: string, sheets: string[], limit: number, op: string, sink: (chunk: Uint8Array) => Promise<void>): Promise<number> {
  let count = 0;
  for (const name of sheets) {
    if (count >= limit) break;
    const path = join(folder, name);
    let image: ReturnType<typeof decodeBmp>;
    try {
      image = decodeBmp(await readFile(path), { source: path });
    } catch (error) {
      throw errorNamingFile(error, path, op);
    }
    const gray = image.mode === 'L' ? image : image.convert('L');
    const { width, height, data } = gray;
    const across = Math.ceil(width / PATCH_SIZE);
    const n = Math.min(across * Math.ceil(height / PATCH_SIZE), limit - count);
    const out = new Uint8Array(n * PATCH_BYTES); // tiles past the sheet's edge stay 0, as PIL's crop pads them
    for (let p = 0; p < n; p++) {
      const x0 = (p % across) * PATCH_SIZE;
      const y0 = Math.floor(p / across) * PATCH_SIZE;
      const w = Math.min(PATCH_SIZE, width - x0);
      for (let y = 0; y < PATCH_SIZE && y0 + y < height; y++) {
        const from = (y0 + y) * width + x0;
        out.set(data.subarray(from, from + w), p * PATCH_BYTES + y * PATCH_SIZE);
      }
    }
    await sink(out);
    count += n;
  }
  return count;
}

function header(count: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, PATCH_SIZE, true);
  return bytes;
}

/** The cache file as a store, or undefined when it is missing, foreign or cut short. */
function openCache(path: string): PatchStore | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const head = new Uint8Array(HEADER_BYTES);
  const view = new DataView(head.buffer);
  const count = readSync(fd, head, 0, HEADER_BYTES, 0) === HEADER_BYTES ? view.getUint32(8, true) : -1;
  const valid =
    count >= 0 &&
    view.getUint32(0, true) === MAGIC &&
    view.getUint32(4, true) === VERSION &&
    view.getUint32(12, true) === PATCH_SIZE &&
    fstatSync(fd).size === HEADER_BYTES + count * PATCH_BYTES;
  if (!valid) {
    closeSync(fd);
    return undefined;
  }
  let open = true;
  return {
    count,
    read(i) {
      const out = new Uint8Array(PATCH_BYTES);
      readSync(fd, out, 0, PATCH_BYTES, HEADER_BYTES + i * PATCH_BYTES);
      return out;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

function memoryStore(bytes: Uint8Array, count: number): PatchStore {
  return {
    count,
    read: (i) => bytes.slice(i * PATCH_BYTES, (i + 1) * PATCH_BYTES),
    close: () => undefined,
  };
}
