import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatFromName, sniffFormat } from './archive-format';
import { NOTE_BZ2, NOTE_XZ } from '../../test/support/compressed-archives';
import { buildTar } from './testing/build-tar';
import { buildZip } from './testing/build-zip';

describe('formatFromName', () => {
  it('reads the longest known suffix, in any case', () => {
    expect(formatFromName('a.TAR.GZ')).toEqual({ format: 'tar.gz', suffix: '.tar.gz' });
    expect(formatFromName('a.tgz')?.format).toBe('tar.gz');
    expect(formatFromName('a.tbz')?.format).toBe('tar.bz2');
    expect(formatFromName('a.txz')?.format).toBe('tar.xz');
    expect(formatFromName('a.csv.gz')?.format).toBe('gz');
    expect(formatFromName('a.csv')).toBeUndefined();
  });
});

describe('sniffFormat', () => {
  it('tells zip, gzip, bzip2, xz and tar from their first bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dl-sniff-'));
    try {
      const cases: Array<[Uint8Array, string | undefined]> = [
        [buildZip([{ name: 'a', data: 'a' }]), 'zip'],
        [buildZip([]), 'zip'],
        [gzipSync('a'), 'gz'],
        [NOTE_BZ2, 'bz2'],
        [NOTE_XZ, 'xz'],
        [buildTar([{ name: 'a', data: 'a' }]), 'tar'],
        [Buffer.from('plain text'), undefined],
      ];
      for (const [i, [bytes, format]] of cases.entries()) {
        writeFileSync(join(dir, String(i)), bytes);
        expect(await sniffFormat(join(dir, String(i)))).toBe(format);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
