import { open } from 'node:fs/promises';

/** An archive or compressed-file format {@link extractArchive} reads. */
export type ArchiveFormat = 'zip' | 'tar' | 'tar.gz' | 'tar.bz2' | 'tar.xz' | 'gz' | 'bz2' | 'xz';

// Longest suffixes first, so `.tar.gz` wins over `.gz`.
const SUFFIXES: Array<[string, ArchiveFormat]> = [
  ['.tar.gz', 'tar.gz'],
  ['.tar.bz2', 'tar.bz2'],
  ['.tar.xz', 'tar.xz'],
  ['.tgz', 'tar.gz'],
  ['.tbz2', 'tar.bz2'],
  ['.tbz', 'tar.bz2'],
  ['.txz', 'tar.xz'],
  ['.tar', 'tar'],
  ['.zip', 'zip'],
  ['.gz', 'gz'],
  ['.bz2', 'bz2'],
  ['.xz', 'xz'],
];

/** The format a file name's suffix names (`data.tar.gz` -> `'tar.gz'`), or `undefined`. */
export function formatFromName(name: string): { format: ArchiveFormat; suffix: string } | undefined {
  const lower = name.toLowerCase();
  for (const [suffix, format] of SUFFIXES) if (lower.endsWith(suffix)) return { format, suffix };
  return undefined;
}

/**
 * The format of a file from its first bytes (zip, gzip, bzip2, xz or ustar magic), for names
 * without a known suffix; `undefined` when none matches.
 */
export async function sniffFormat(path: string): Promise<ArchiveFormat | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(265);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'zip';
    if (b.length >= 4 && b.readUInt32LE(0) === 0x06054b50) return 'zip'; // empty zip
    if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gz';
    if (b.length >= 3 && b.toString('latin1', 0, 3) === 'BZh') return 'bz2';
    if (b.length >= 6 && b.toString('latin1', 0, 6) === '\xfd7zXZ\x00') return 'xz';
    if (b.length >= 262 && b.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return undefined;
  } finally {
    await handle.close();
  }
}
