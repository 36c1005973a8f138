import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTE_BZ2, NOTE_XZ, TAR_BZ2, TAR_XZ } from '../../test/support/compressed-archives';
import { ArchiveError } from './errors/archive-error';
import { ExtractionLimitError } from './errors/extraction-limit-error';
import { StorageError } from './errors/storage-error';
import { UnsafeArchiveEntryError } from './errors/unsafe-archive-entry-error';
import { extractArchive } from './extract-archive';
import type { ArchiveEntrySpec } from './testing/archive-entry';
import { buildTar } from './testing/build-tar';
import { buildZip } from './testing/build-zip';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-extract-faults-'));
  out = join(dir, 'out');
  await mkdir(out);
  writeFileSync(join(out, 'existing.txt'), 'mine');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the extraction to fail');
  return error;
}

/** The destination holds only what it held before, and nothing was written next to it. */
function expectUntouched(): void {
  expect(readdirSync(out)).toEqual(['existing.txt']);
  expect(readdirSync(dir).filter((n) => n !== 'out' && !/\.(tar|tgz|zip|gz|bz2|xz)$/.test(n))).toEqual([]);
}

const good: ArchiveEntrySpec[] = [
  { name: 'data/a.txt', data: 'a'.repeat(5000) },
  { name: 'data/b.txt', data: 'b'.repeat(5000) },
];

describe('extractArchive with truncated or corrupt archives', () => {
  it.each([
    ['cut.tar', () => buildTar(good).subarray(0, 7000)],
    ['cut.tar.gz', () => buildTar(good, { gzip: true }).subarray(0, 60)],
    ['cut.tar.bz2', () => TAR_BZ2.subarray(0, 100)],
    ['cut.tar.xz', () => TAR_XZ.subarray(0, 120)],
    ['cut.zip', () => buildZip(good).subarray(0, 200)],
    ['junk.tar', () => Buffer.alloc(3000, 0x41)],
    ['junk.zip', () => Buffer.from('PK\u0003\u0004 this is not really a zip file')],
    ['cut.gz', () => gzipSync('x'.repeat(10_000)).subarray(0, 20)],
    ['cut.bz2', () => NOTE_BZ2.subarray(0, 30)],
    ['cut.xz', () => NOTE_XZ.subarray(0, 40)],
  ])('fails on %s with ArchiveError and leaves the folder as it was', async (name, make) => {
    const archive = write(name, make());
    const error = await failure(extractArchive(archive, out));
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.message).toMatch(new RegExp(`^extractArchive: ${archive.replace(/[.]/g, '\\.')} is truncated or corrupt`));
    expectUntouched();
  });

  it('fails on a zip whose compressed data is damaged', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'hello hello hello hello hello hello' }]);
    zip[35] ^= 0xff; // inside the deflate stream of the first entry
    zip[36] ^= 0xff;
    const error = await failure(extractArchive(write('bad.zip', zip), out));
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.message).toMatch(/is truncated or corrupt \(at entry 'a\.txt'\)/);
    expectUntouched();
  });
});

describe('extractArchive with entries that escape the folder', () => {
  const cases: Array<[string, ArchiveEntrySpec[], string]> = [
    ['a ../ path', [{ name: '../evil.txt', data: 'x' }], "refused entry '../evil.txt' of ARCHIVE: it climbs out of the folder with '..'"],
    ['a nested ../ path', [{ name: 'data/../../evil.txt', data: 'x' }], "refused entry 'data/../../evil.txt' of ARCHIVE: it climbs out of the folder with '..'"],
    ['an absolute path', [{ name: '/tmp/evil.txt', data: 'x' }], "refused entry '/tmp/evil.txt' of ARCHIVE: it is an absolute path"],
    ['a drive path', [{ name: 'C:\\evil.txt', data: 'x' }], "refused entry 'C:\\evil.txt' of ARCHIVE: it is an absolute path"],
    ['a symlink to an absolute path', [{ name: 'link', type: 'symlink', linkTarget: '/etc' }], "refused symlink 'link' -> '/etc' in ARCHIVE: its target is an absolute path"],
    ['a symlink climbing out', [{ name: 'data/link', type: 'symlink', linkTarget: '../../..' }], "refused symlink 'data/link' -> '../../..' in ARCHIVE: its target is outside the folder"],
  ];
  for (const [what, entries, message] of cases) {
    for (const kind of ['tar', 'zip'] as const) {
      it(`refuses ${what} (${kind}) with UnsafeArchiveEntryError`, async () => {
        const archive = write(`evil.${kind}`, kind === 'tar' ? buildTar([...good, ...entries]) : buildZip([...good, ...entries]));
        const error = await failure(extractArchive(archive, out));
        expect(error).toBeInstanceOf(UnsafeArchiveEntryError);
        // yauzl reads zip names with '/' for '\\', as zip's format note requires
        const shown = kind === 'zip' ? message.replace('C:\\', 'C:/') : message;
        expect(error.message).toBe(`extractArchive: ${shown.replace('ARCHIVE', archive)}`);
        expectUntouched();
        expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
      });
    }
  }

  it('refuses a hard link to a file outside', async () => {
    const archive = write('evil.tar', buildTar([{ name: 'passwd', type: 'hardlink', linkTarget: '../../../etc/passwd' }]));
    const error = await failure(extractArchive(archive, out));
    expect(error).toBeInstanceOf(UnsafeArchiveEntryError);
    expect(error.message).toBe(`extractArchive: refused hardlink 'passwd' -> '../../../etc/passwd' in ${archive}: its target is outside the folder`);
    expectUntouched();
  });

  it('refuses a path that leads outside through links made earlier in the archive', async () => {
    // 'here' -> '.' and 'up' -> 'here/..' each look inside, but together 'up' is the parent.
    const archive = write(
      'evil.tar',
      buildTar([
        { name: 'here', type: 'symlink', linkTarget: '.' },
        { name: 'up', type: 'symlink', linkTarget: 'here/..' },
        { name: 'up/made-outside/evil.txt', data: 'x' },
      ]),
    );
    const error = await failure(extractArchive(archive, out));
    expect(error).toBeInstanceOf(UnsafeArchiveEntryError);
    expect(error.message).toBe(`extractArchive: refused entry 'up/made-outside/evil.txt' of ${archive}: a link extracted before it leads outside the folder`);
    expectUntouched();
    expect(existsSync(join(out, '..', 'made-outside'))).toBe(false);
  });

  it('refuses FIFOs', async () => {
    const archive = write('fifo.tar', buildTar([{ name: 'pipe', type: 'fifo' }]));
    const error = await failure(extractArchive(archive, out));
    expect(error).toBeInstanceOf(UnsafeArchiveEntryError);
    expect(error.message).toBe(`extractArchive: refused entry 'pipe' of ${archive}: it is a FIFO`);
  });

  it('fails on a hard link to an entry that is not in the archive', async () => {
    const archive = write('dangling.tar', buildTar([{ name: 'hard', type: 'hardlink', linkTarget: 'nothing' }]));
    const error = await failure(extractArchive(archive, out));
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.message).toBe(`extractArchive: hard link 'hard' of ${archive} points to 'nothing', which is not in the archive before it`);
  });
});

describe('extractArchive size cap', () => {
  const bomb: ArchiveEntrySpec[] = [
    { name: 'a.bin', data: Buffer.alloc(600_000) },
    { name: 'b.bin', data: Buffer.alloc(600_000) },
  ];

  it.each([
    ['bomb.zip', () => buildZip(bomb)],
    ['bomb.tar.gz', () => buildTar(bomb, { gzip: true })],
  ])('stops %s past maxBytes with ExtractionLimitError before writing it', async (name, make) => {
    const archive = write(name, make());
    const error = await failure(extractArchive(archive, out, { maxBytes: 1_000_000 }));
    expect(error).toBeInstanceOf(ExtractionLimitError);
    expect(error.message).toBe(
      `extractArchive: extracting ${archive} would write more than 1000000 bytes (1.00 MB, maxBytes): at least 1200000 bytes by entry 'b.bin'`,
    );
    expect((error as ExtractionLimitError).limit).toBe(1_000_000);
    expectUntouched();
    await expect(extractArchive(archive, out, { maxBytes: 1_200_000 })).resolves.toBe(out);
  });

  it('stops a single compressed file past maxBytes', async () => {
    const archive = write('bomb.gz', gzipSync(Buffer.alloc(2_000_000)));
    const error = await failure(extractArchive(archive, out, { maxBytes: 100_000 }));
    expect(error).toBeInstanceOf(ExtractionLimitError);
    expect(error.message).toMatch(/^extractArchive: extracting .*bomb\.gz would write more than 100000 bytes \(100 kB, maxBytes\): at least \d+ bytes by entry 'bomb'$/);
    expectUntouched();
  });
});

describe('extractArchive into an unwritable folder', () => {
  it('fails with StorageError when `to` lies under a file', async () => {
    const archive = write('data.tar', buildTar(good));
    const target = join(dir, 'out', 'existing.txt', 'sub');
    const error = await failure(extractArchive(archive, target));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toBe(`extractArchive: cannot create folder ${target}: a part of the path is a file, not a folder (ENOTDIR)`);
  });
});
