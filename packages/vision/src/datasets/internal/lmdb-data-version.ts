import { open } from 'node:fs/promises';

const MAGIC = 0xbeefc0de;
/** Page header sizes: LMDB 0.9.x (data version 1) and LMDB 0.9.90 / mdb.master3 (version 2). */
const HEADER = { 1: 16, 2: 24 } as const;
const P_META = 0x08;

/** @internal What the first meta page of an LMDB `data.mdb` says. */
export interface LmdbFileInfo {
  /** LMDB's on-disk data format: 1 (LMDB 0.9.x, py-lmdb, LSUN's files) or 2 (LMDB 0.9.90, lmdb-js's default). */
  dataVersion: 1 | 2;
  /** The page size. */
  pageSize: number;
}

/**
 * @internal Reads the meta page at the start of an LMDB data file, or returns undefined when the
 * file is not an LMDB database (or is cut short before its two meta pages). LSUNClass reads
 * format 1 with its built-in reader (`lmdb/lmdb-reader.ts`, which says what is wrong with any
 * other file) and hands only format 2 to the native lmdb-js, which trusts its input: a foreign
 * file, or a file in the other data format, crashes the process instead of failing.
 */
export async function lmdbFileInfo(path: string): Promise<LmdbFileInfo | undefined> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const view = new DataView(head.buffer, 0, bytesRead);
    for (const dataVersion of [1, 2] as const) {
      const meta = HEADER[dataVersion];
      if (bytesRead < meta + 28) continue;
      const flags = view.getUint16(meta - 6, true);
      if (!(flags & P_META) || view.getUint32(meta, true) !== MAGIC || view.getUint32(meta + 4, true) !== dataVersion) continue;
      const pageSize = view.getUint32(meta + 24, true); // mm_dbs[FREE_DBI].md_pad holds the page size
      const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
      if (!powerOfTwo || (await file.stat()).size < 2 * pageSize) return undefined;
      return { dataVersion, pageSize };
    }
    return undefined;
  } finally {
    await file.close();
  }
}

/**
 * @internal The data format an lmdb-js build reads: LMDB 0.9.90 (mdb.master3, the prebuilt
 * binaries) is version 2, the releases before it (`--use_data_v1=true` builds) version 1.
 */
export function lmdbLibraryDataVersion(version: { major: number; minor: number; patch: number } | undefined): 1 | 2 {
  if (!version) return 2;
  return version.major > 0 || version.minor > 9 || version.patch >= 90 ? 2 : 1;
}
