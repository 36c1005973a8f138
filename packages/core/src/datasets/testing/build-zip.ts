import { deflateRawSync } from 'node:zlib';
import { entryBytes, entryMode, entryTime, type ArchiveEntrySpec } from './archive-entry';
import { crc32 } from './crc32';

/** Options of {@link buildZip}. */
export interface BuildZipOptions {
  /** Compress file data with deflate (else store it). @default true */
  deflate?: boolean;
}

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Builds a zip archive in memory from entries whose names are stored exactly as given (symlinks
 * as Unix link entries), so tests can make both good and malicious archives. Hard links and FIFOs
 * have no zip form and are refused.
 *
 * @example
 * ```ts
 * const archive = buildZip([{ name: 'a.txt', data: 'hello' }, { name: 'sub/', type: 'directory' }]);
 * ```
 */
export function buildZip(entries: ArchiveEntrySpec[], options: BuildZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    if (type === 'hardlink' || type === 'fifo') throw new Error(`buildZip: zip has no ${type} entries (${entry.name})`);
    const name = Buffer.from(type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name, 'utf8');
    const raw = type === 'symlink' ? Buffer.from(entry.linkTarget ?? '', 'utf8') : type === 'file' ? entryBytes(entry) : Buffer.alloc(0);
    const method = options.deflate !== false && type === 'file' && raw.length > 0 ? 8 : 0;
    const stored = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const { time, date } = dosTime(entryTime(entry));
    const kind = type === 'directory' ? S_IFDIR : type === 'symlink' ? S_IFLNK : S_IFREG;
    const external = (((kind | entryMode(entry)) << 16) | (type === 'directory' ? 0x10 : 0)) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode bits count
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(external, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function dosTime(seconds: number): { time: number; date: number } {
  const d = new Date(seconds * 1000);
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}
