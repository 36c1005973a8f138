import type { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { ArchiveError } from './errors/archive-error';
import { UnsafeArchiveEntryError } from './errors/unsafe-archive-entry-error';
import type { ExtractionContext } from './extraction-context';
import { DLError } from '../errors/dl-error';

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const DIRECTORY_TYPES = new Set(['Directory', 'GNUDumpDir']);
const DEVICE_TYPES = new Set(['CharacterDevice', 'BlockDevice', 'FIFO']);

/**
 * Extracts a tar stream (plain or gzip-compressed; the parser detects gzip) into the context's
 * staging folder, entry by entry.
 */
export function extractTar(ctx: ExtractionContext, input: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    let current: string | undefined;
    let queue: Promise<void> = Promise.resolve();
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      input.unpipe();
      input.destroy();
      reject(error instanceof DLError ? error : corrupt(ctx, error, current));
    };
    const parser = new Parser({
      strict: true,
      // The byte budget caps what is written; the parser's own ratio guard would refuse honest,
      // highly compressible datasets.
      maxDecompressionRatio: Infinity,
      onReadEntry: (entry: ReadEntry) => {
        queue = queue.then(async () => {
          if (failed) return void entry.resume();
          current = entry.path;
          await extractEntry(ctx, entry);
        });
        queue.catch(fail);
      },
    });
    parser.on('error', fail);
    input.on('error', fail);
    // A decoder that stops without 'end' (and without an error) must not leave us waiting forever.
    let inputEnded = false;
    input.on('end', () => (inputEnded = true));
    input.on('close', () => {
      if (!inputEnded) fail(new Error('the data stream closed before its end'));
    });
    parser.on('end', () => {
      queue.then(() => {
        if (!failed) resolve();
      }, fail);
    });
    input.pipe(parser as unknown as NodeJS.WritableStream);
  });
}

async function extractEntry(ctx: ExtractionContext, entry: ReadEntry): Promise<void> {
  const name = entry.path;
  if (FILE_TYPES.has(entry.type)) {
    ctx.budget.reserve(name, entry.size ?? 0);
    await ctx.file(name, () => entry as unknown as AsyncIterable<Uint8Array>, entry.mode, entry.mtime);
  } else if (DIRECTORY_TYPES.has(entry.type)) {
    entry.resume();
    await ctx.directory(name);
  } else if (entry.type === 'SymbolicLink') {
    entry.resume();
    await ctx.symlink(name, entry.linkpath ?? '');
  } else if (entry.type === 'Link') {
    entry.resume();
    await ctx.hardlink(name, entry.linkpath ?? '');
  } else if (DEVICE_TYPES.has(entry.type)) {
    const reason = `it is a ${entry.type === 'FIFO' ? 'FIFO' : 'device file'}`;
    throw new UnsafeArchiveEntryError(`${ctx.op}: refused entry '${name}' of ${ctx.archive}: ${reason}`, {
      archive: ctx.archive,
      entry: name,
      reason,
    });
  } else {
    entry.resume(); // volume labels and other metadata carry no file
  }
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
