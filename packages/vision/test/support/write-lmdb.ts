import { open } from 'lmdb';

/**
 * Writes an LMDB database (a folder with `data.mdb`) holding `entries` with binary keys and
 * values, in the given insertion order, as LSUN's `*_lmdb` folders hold image bytes by hex id.
 */
export async function writeLmdb(path: string, entries: Array<[key: Uint8Array | string, value: Uint8Array]>): Promise<void> {
  const db = open(path, { keyEncoding: 'binary', encoding: 'binary' });
  for (const [key, value] of entries) await db.put(typeof key === 'string' ? Buffer.from(key, 'latin1') : Buffer.from(key), Buffer.from(value));
  await db.close();
}
