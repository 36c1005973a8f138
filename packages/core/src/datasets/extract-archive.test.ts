import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { NOTE_BZ2, NOTE_XZ, TAR_BZ2, TAR_XZ } from '../../test/support/compressed-archives';
import { ArchiveError } from './errors/archive-error';
import { extractArchive } from './extract-archive';
import type { ArchiveEntrySpec } from './testing/archive-entry';
import { buildTar } from './testing/build-tar';
import { buildZip } from './testing/build-zip';

const entries: ArchiveEntrySpec[] = [
  { name: 'data/', type: 'directory' },
  { name: 'data/a.txt', data: 'alpha\n' },
  { name: 'data/sub/b.txt', data: 'beta\n' },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-extract-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function expectData(root: string): void {
  expect(readFileSync(join(root, 'data', 'a.txt'), 'utf8')).toBe('alpha\n');
  expect(readFileSync(join(root, 'data', 'sub', 'b.txt'), 'utf8')).toBe('beta\n');
}

describe('extractArchive', () => {
  it.each([
    ['data.tar', () => buildTar(entries)],
    ['data.tar.gz', () => buildTar(entries, { gzip: true })],
    ['data.tgz', () => buildTar(entries, { gzip: true })],
    ['data.tar.bz2', () => TAR_BZ2],
    ['data.tbz2', () => TAR_BZ2],
    ['data.tar.xz', () => TAR_XZ],
    ['data.txz', () => TAR_XZ],
    ['data.zip', () => buildZip(entries)],
    ['stored.zip', () => buildZip(entries, { deflate: false })],
  ])('extracts %s into the folder and resolves with it', async (name, make) => {
    const archive = write(name, make());
    const out = join(dir, 'out');
    await expect(extractArchive(archive, out)).resolves.toBe(out);
    expectData(out);
    expect(readdirSync(out)).toEqual(['data']); // no staging folder left behind
  });

  it.each([
    ['note.txt.gz', () => gzipSync('hello, compressed world\n')],
    ['note.txt.bz2', () => NOTE_BZ2],
    ['note.txt.xz', () => NOTE_XZ],
  ])('decompresses %s into a file named without the suffix', async (name, make) => {
    const archive = write(name, make());
    const path = await extractArchive(archive, join(dir, 'out'));
    expect(path).toBe(join(dir, 'out', 'note.txt'));
    expect(readFileSync(path, 'utf8')).toBe('hello, compressed world\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['note.txt']);
  });

  it('extracts next to the archive when `to` is omitted', async () => {
    const archive = write('data.tar', buildTar(entries));
    await expect(extractArchive(archive)).resolves.toBe(dir);
    expectData(dir);
  });

  it('tells the format from the first bytes when the name does not, or from options.format', async () => {
    for (const [name, bytes] of [
      ['a', buildTar(entries)],
      ['b', buildZip(entries)],
      ['c', TAR_BZ2],
    ] as const) {
      const archive = write(name, bytes);
      if (name === 'c') await extractArchive(archive, join(dir, `out-${name}`), { format: 'tar.bz2' });
      else await extractArchive(archive, join(dir, `out-${name}`));
      expectData(join(dir, `out-${name}`));
    }
    const gz = write('blob', gzipSync('x'));
    expect(readFileSync(await extractArchive(gz, join(dir, 'g')), 'utf8')).toBe('x');
  });

  it('merges into an existing folder, replacing files the archive holds and keeping the rest', async () => {
    const out = join(dir, 'out');
    await mkdir(join(out, 'data'), { recursive: true });
    writeFileSync(join(out, 'data', 'a.txt'), 'old');
    writeFileSync(join(out, 'data', 'keep.txt'), 'mine');
    await extractArchive(write('data.tar', buildTar(entries)), out);
    expectData(out);
    expect(readFileSync(join(out, 'data', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('keeps links that stay inside the folder and the execute bit', async () => {
    const tar = buildTar([
      ...entries,
      { name: 'data/run.sh', data: '#!/bin/sh\n', mode: 0o4755 },
      { name: 'data/link', type: 'symlink', linkTarget: 'sub/b.txt' },
      { name: 'data/sub/up', type: 'symlink', linkTarget: '../a.txt' },
      { name: 'data/hard', type: 'hardlink', linkTarget: 'data/a.txt' },
    ]);
    const out = join(dir, 'out');
    await extractArchive(write('data.tar', tar), out);
    expect(readlinkSync(join(out, 'data', 'link'))).toBe('sub/b.txt');
    expect(readFileSync(join(out, 'data', 'link'), 'utf8')).toBe('beta\n');
    expect(readFileSync(join(out, 'data', 'sub', 'up'), 'utf8')).toBe('alpha\n');
    expect(statSync(join(out, 'data', 'hard')).ino).toBe(statSync(join(out, 'data', 'a.txt')).ino);
    expect(statSync(join(out, 'data', 'run.sh')).mode & 0o7777).toBe(0o755);

    const zip = buildZip([...entries, { name: 'data/link', type: 'symlink', linkTarget: 'sub/b.txt' }]);
    await extractArchive(write('data.zip', zip), join(dir, 'zip'));
    expect(lstatSync(join(dir, 'zip', 'data', 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'zip', 'data', 'link'), 'utf8')).toBe('beta\n');
  });

  it('reads long names (pax headers) and sets modification times', async () => {
    const long = `data/${'x'.repeat(150)}/file.txt`;
    const out = join(dir, 'out');
    await extractArchive(write('long.tar', buildTar([{ name: long, data: 'deep', mtime: new Date('2001-02-03T04:05:06Z') }])), out);
    expect(readFileSync(join(out, long), 'utf8')).toBe('deep');
    expect(statSync(join(out, long)).mtime.toISOString()).toBe('2001-02-03T04:05:06.000Z');
  });

  it('removes the archive after success with removeFinished', async () => {
    const archive = write('data.tar.gz', buildTar(entries, { gzip: true }));
    await extractArchive(archive, join(dir, 'out'), { removeFinished: true });
    expect(existsSync(archive)).toBe(false);
  });

  it('rejects bad options with ValueError and unknown inputs with ArchiveError', async () => {
    const archive = write('data.tar', buildTar(entries));
    await expect(extractArchive(archive, dir, { maxBytes: -1 })).rejects.toThrow(
      new ValueError('extractArchive: maxBytes must be a number >= 0, got -1'),
    );
    await expect(extractArchive(archive, dir, { format: 'rar' as 'zip' })).rejects.toThrow(
      "extractArchive: format must be one of zip, tar, tar.gz, tar.bz2, tar.xz, gz, bz2, xz, got 'rar'",
    );
    const missing = join(dir, 'missing.zip');
    const error = await extractArchive(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toBe(`extractArchive: cannot read archive ${missing}: no such file (ENOENT)`);
    const text = write('notes.txt', Buffer.from('just text'));
    await expect(extractArchive(text)).rejects.toThrow(
      `extractArchive: cannot tell the format of ${text}: its name ends in none of .zip .tar .tar.gz .tgz .tar.bz2 .tbz2 .tar.xz .txz .gz .bz2 .xz and its first bytes match none (pass options.format)`,
    );
  });
});
