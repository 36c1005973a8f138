import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { DLError } from '../errors/dl-error';
import { ArchiveError } from './errors/archive-error';
import type { ExtractionContext } from './extraction-context';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MAX_LINK_TARGET = 4096;

/** Extracts a zip file into the context's staging folder, entry by entry. */
export async function extractZip(ctx: ExtractionContext): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(ctx.archive);
  } catch (error) {
    throw corrupt(ctx, error, undefined);
  }
  await new Promise<void>((resolve, reject) => {
    let current: string | undefined;
    let done = false;
    const fail = (error: unknown): void => {
      if (done) return;
      done = true;
      zip.close();
      reject(error instanceof DLError ? error : corrupt(ctx, error, current));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (done) return;
      done = true;
      resolve();
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      current = name;
      extractEntry(ctx, zip, entry, name).then(() => {
        if (!done) zip.readEntry();
      }, fail);
    });
    zip.readEntry();
  });
}

async function extractEntry(ctx: ExtractionContext, zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<void> {
  if (entry.generalPurposeBitFlag & 0x1) {
    throw new ArchiveError(`${ctx.op}: entry '${name}' of ${ctx.archive} is encrypted, which is not supported`, {
      archive: ctx.archive,
      entry: name,
    });
  }
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  const mode = madeByUnix ? (entry.externalFileAttributes >>> 16) & 0o7777 : undefined;
  const isLink = madeByUnix && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
  if (name.endsWith('/') || name.endsWith('\\')) return ctx.directory(name);
  if (isLink) {
    const target = await readLinkTarget(ctx, zip, entry, name);
    return ctx.symlink(name, target);
  }
  ctx.budget.reserve(name, entry.uncompressedSize);
  await ctx.file(name, () => openEntry(zip, entry), mode === 0 ? undefined : mode, entry.getLastModDate());
}

async function readLinkTarget(ctx: ExtractionContext, zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<string> {
  if (entry.uncompressedSize > MAX_LINK_TARGET) {
    throw new ArchiveError(`${ctx.op}: symlink '${name}' of ${ctx.archive} has a ${entry.uncompressedSize}-byte target`, {
      archive: ctx.archive,
      entry: name,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: entry names are decoded and checked here, so an unsafe one gets a typed error.
    yauzl.open(path, { lazyEntries: true, autoClose: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

function corrupt(ctx: ExtractionContext, error: unknown, entry: string | undefined): ArchiveError {
  const message = (error as Error)?.message ?? String(error);
  const where = entry === undefined ? '' : ` (at entry '${entry}')`;
  return new ArchiveError(`${ctx.op}: ${ctx.archive} is truncated or corrupt${where}: ${message}`, {
    archive: ctx.archive,
    entry,
    cause: error,
  });
}
