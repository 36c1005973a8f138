/** One entry of an archive built by {@link buildTar} or {@link buildZip}. */
export interface ArchiveEntrySpec {
  /** The path stored in the archive, as is (it may be unsafe on purpose: `../x`, `/etc/x`). */
  name: string;
  /** What the entry is. @default 'file' */
  type?: 'file' | 'directory' | 'symlink' | 'hardlink' | 'fifo';
  /** A file's content. @default empty */
  data?: Uint8Array | string;
  /** Where a symlink or hardlink points. */
  linkTarget?: string;
  /** Unix permission bits. @default 0o644 for files, 0o755 for folders, 0o777 for links */
  mode?: number;
  /** Modification time. @default 2020-01-01T00:00:00Z */
  mtime?: Date;
}

/** The bytes of an entry's data. */
export function entryBytes(entry: ArchiveEntrySpec): Buffer {
  return typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data ?? new Uint8Array(0));
}

/** The default permission bits of an entry. */
export function entryMode(entry: ArchiveEntrySpec): number {
  if (entry.mode !== undefined) return entry.mode;
  const type = entry.type ?? 'file';
  return type === 'directory' ? 0o755 : type === 'symlink' || type === 'hardlink' ? 0o777 : 0o644;
}

/** The default modification time of an entry, in seconds since the epoch. */
export function entryTime(entry: ArchiveEntrySpec): number {
  return Math.floor((entry.mtime ?? new Date(Date.UTC(2020, 0, 1))).getTime() / 1000);
}
