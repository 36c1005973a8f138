import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTar } from './build-tar';
import { buildZip } from './build-zip';
import { crc32 } from './crc32';

const hasTar = spawnSync('tar', ['--version']).status === 0;
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-build-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildTar', () => {
  it('makes 512-byte blocks ending in two zero blocks, gzipped on request', () => {
    const tar = buildTar([{ name: 'a.txt', data: 'hello' }]);
    expect(tar.length).toBe(512 * 4);
    expect(tar.toString('latin1', 0, 5)).toBe('a.txt');
    expect(tar.toString('latin1', 257, 262)).toBe('ustar');
    expect(tar.toString('latin1', 512, 517)).toBe('hello');
    expect(gunzipSync(buildTar([{ name: 'a.txt', data: 'hello' }], { gzip: true })).equals(tar)).toBe(true);
  });

  it.skipIf(!hasTar)('writes archives GNU tar lists and extracts (skipped without a tar command)', () => {
    const long = `deep/${'d'.repeat(120)}/file.txt`;
    writeFileSync(
      join(dir, 't.tar'),
      buildTar([
        { name: 'dir', type: 'directory' },
        { name: 'dir/a.txt', data: 'alpha' },
        { name: 'dir/link', type: 'symlink', linkTarget: 'a.txt' },
        { name: long, data: 'long name' },
      ]),
    );
    const list = spawnSync('tar', ['-tvf', join(dir, 't.tar')], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('dir/link -> a.txt');
    expect(list.stdout).toContain(long);
    const x = spawnSync('tar', ['-xf', join(dir, 't.tar'), '-C', dir], { encoding: 'utf8' });
    expect(x.stderr).toBe('');
    expect(readFileSync(join(dir, 'dir', 'link'), 'utf8')).toBe('alpha');
    expect(readFileSync(join(dir, long), 'utf8')).toBe('long name');
  });
});

describe('buildZip', () => {
  const entries = [
    { name: 'sub/', type: 'directory' as const },
    { name: 'sub/a.txt', data: 'alpha alpha alpha alpha' },
    { name: 'empty.txt', data: '' },
    { name: 'link', type: 'symlink' as const, linkTarget: 'sub/a.txt' },
  ];

  it('writes zips yauzl reads back with the right sizes, modes and data', async () => {
    const zip = buildZip(entries);
    const seen: Array<[string, number, string]> = [];
    const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
    await new Promise<void>((resolve, reject) => {
      file.on('error', reject);
      file.on('end', resolve);
      file.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          let text = '';
          if (!entry.fileName.endsWith('/')) {
            for await (const chunk of await file.openReadStreamPromise(entry)) text += String(chunk);
          }
          seen.push([entry.fileName, (entry.externalFileAttributes >>> 16) & 0o170000, text]);
          file.readEntry();
        })().catch(reject);
      });
      file.readEntry();
    });
    expect(seen).toEqual([
      ['sub/', 0o040000, ''],
      ['sub/a.txt', 0o100000, 'alpha alpha alpha alpha'],
      ['empty.txt', 0o100000, ''],
      ['link', 0o120000, 'sub/a.txt'],
    ]);
  });

  it.skipIf(!hasUnzip)('writes zips Info-ZIP unzip tests clean, stored or deflated (skipped without unzip)', () => {
    for (const deflate of [true, false]) {
      writeFileSync(join(dir, 'z.zip'), buildZip(entries, { deflate }));
      const test = spawnSync('unzip', ['-t', join(dir, 'z.zip')], { encoding: 'utf8' });
      expect(test.stdout).toContain('No errors detected');
    }
  });

  it('refuses entries zip cannot hold', () => {
    expect(() => buildZip([{ name: 'h', type: 'hardlink', linkTarget: 'x' }])).toThrow('buildZip: zip has no hardlink entries (h)');
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
