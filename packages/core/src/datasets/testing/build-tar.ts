import { gzipSync } from 'node:zlib';
import { entryBytes, entryMode, entryTime, type ArchiveEntrySpec } from './archive-entry';

const BLOCK = 512;
const TYPE_FLAGS: Record<NonNullable<ArchiveEntrySpec['type']>, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  fifo: '6',
  directory: '5',
};

/** Options of {@link buildTar}. */
export interface BuildTarOptions {
  /** Gzip the archive (a `.tar.gz`). @default false */
  gzip?: boolean;
}

/**
 * Builds a POSIX (ustar, with pax headers for long names) tar archive in memory from entries
 * whose names are stored exactly as given, so tests can make both good and malicious archives.
 *
 * @example
 * ```ts
 * const archive = buildTar([{ name: 'data/a.txt', data: 'hello' }], { gzip: true });
 * ```
 */
export function buildTar(entries: ArchiveEntrySpec[], options: BuildTarOptions = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const data = type === 'file' ? entryBytes(entry) : Buffer.alloc(0);
    const name = type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
    const link = entry.linkTarget ?? '';
    const pax: string[] = [];
    if (Buffer.byteLength(name) > 100) pax.push(paxRecord('path', name));
    if (Buffer.byteLength(link) > 100) pax.push(paxRecord('linkpath', link));
    if (pax.length) {
      const body = Buffer.from(pax.join(''), 'utf8');
      blocks.push(header({ name: 'PaxHeader', mode: 0o644, size: body.length, mtime: entryTime(entry), flag: 'x', link: '' }));
      blocks.push(padded(body));
    }
    blocks.push(
      header({
        name: name.slice(0, 100),
        mode: entryMode(entry),
        size: data.length,
        mtime: entryTime(entry),
        flag: TYPE_FLAGS[type],
        link: link.slice(0, 100),
      }),
    );
    if (data.length) blocks.push(padded(data));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  const tar = Buffer.concat(blocks);
  return options.gzip ? gzipSync(tar) : tar;
}

function header(h: { name: string; mode: number; size: number; mtime: number; flag: string; link: string }): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(h.name, 0, 100, 'utf8');
  writeOctal(block, h.mode, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, h.size, 124, 12);
  writeOctal(block, h.mtime, 136, 12);
  block.fill(' ', 148, 156);
  block.write(h.flag, 156, 1, 'ascii');
  block.write(h.link, 157, 100, 'utf8');
  block.write('ustar\u000000', 257, 8, 'binary');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return block;
}

function writeOctal(block: Buffer, value: number, offset: number, length: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii');
}

function padded(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}

function paxRecord(key: string, value: string): string {
  const text = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(text) + 1;
  while (String(length).length + Buffer.byteLength(text) !== length) length++;
  return `${length}${text}`;
}
