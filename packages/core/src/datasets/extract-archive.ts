import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, mkdtemp, open, realpath, rename, rm, stat, statfs } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ValueError } from '../errors/value-error';
import { formatFromName, sniffFormat, type ArchiveFormat } from './archive-format';
import { ByteBudget } from './byte-budget';
import { decompress, type Compression } from './decompress';
import { ArchiveError } from './errors/archive-error';
import { extractTar } from './extract-tar';
import { extractZip } from './extract-zip';
import { ExtractionContext } from './extraction-context';
import { mergeFolder } from './merge-folder';
import { toStorageError } from './storage';
import { DLError } from '../errors/dl-error';

const OP = 'extractArchive';
const FORMATS: readonly ArchiveFormat[] = ['zip', 'tar', 'tar.gz', 'tar.bz2', 'tar.xz', 'gz', 'bz2', 'xz'];

/** Options of {@link extractArchive}. */
export interface ExtractArchiveOptions {
  /**
   * Most bytes the extraction may write (a guard against zip bombs); an
   * {@link ExtractionLimitError} stops it past that. @default the free space of `to`'s file system
   */
  maxBytes?: number;
  /** The archive's format, when its name does not tell (else the suffix, then the magic bytes). @default undefined */
  format?: ArchiveFormat;
  /** Delete the archive after a successful extraction. @default false */
  removeFinished?: boolean;
}

/**
 * Extracts `.zip`, `.tar`, `.tar.gz`/`.tgz`, `.tar.bz2`/`.tbz2`, `.tar.xz`/`.txz` archives into
 * the folder `to`, or decompresses a single `.gz`/`.bz2`/`.xz` file into it, like torchvision's
 * `extract_archive`; resolves with `to` (or the decompressed file's path).
 *
 * Entries are written to a hidden staging folder inside `to` and moved into place only when the
 * whole archive was read, so a failure leaves nothing new under a final name. Entries that would
 * escape `to` (`..`, absolute paths, links pointing outside) or are devices/FIFOs throw
 * {@link UnsafeArchiveEntryError}; more than `maxBytes` throws {@link ExtractionLimitError}; a
 * truncated or corrupt archive throws {@link ArchiveError}; an unwritable `to` or a full disk
 * throws {@link StorageError}.
 *
 * @example
 * ```ts
 * import { extractArchive } from '@dl/core/node';
 * const folder = await extractArchive('/data/cifar-10-python.tar.gz', '/data', { removeFinished: true });
 * ```
 */
export async function extractArchive(from: string, to?: string, options: ExtractArchiveOptions = {}): Promise<string> {
  const archive = resolve(from);
  const destination = resolve(to ?? dirname(archive));
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new ValueError(`${OP}: format must be one of ${FORMATS.join(', ')}, got '${String(options.format)}'`);
  }
  if (options.maxBytes !== undefined && !(options.maxBytes >= 0)) {
    throw new ValueError(`${OP}: maxBytes must be a number >= 0, got ${options.maxBytes}`);
  }
  try {
    if (!(await stat(archive)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new ArchiveError(`${OP}: cannot read archive ${archive}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { archive, cause: error });
  }
  const format = options.format ?? formatFromName(archive)?.format ?? (await sniffFormat(archive));
  if (format === undefined) {
    throw new ArchiveError(
      `${OP}: cannot tell the format of ${archive}: its name ends in none of .zip .tar .tar.gz .tgz .tar.bz2 .tbz2 .tar.xz .txz .gz .bz2 .xz and its first bytes match none (pass options.format)`,
      { archive },
    );
  }
  try {
    await mkdir(destination, { recursive: true });
  } catch (error) {
    throw toStorageError(error, OP, 'create folder', destination);
  }
  const budget = await makeBudget(archive, destination, options.maxBytes);

  const result =
    format === 'gz' || format === 'bz2' || format === 'xz'
      ? await decompressFile(archive, destination, format, budget)
      : await extractFolder(archive, destination, format, budget);
  if (options.removeFinished) await rm(archive, { force: true });
  return result;
}

async function makeBudget(archive: string, destination: string, maxBytes: number | undefined): Promise<ByteBudget> {
  if (maxBytes !== undefined) return new ByteBudget(OP, archive, maxBytes, 'maxBytes');
  try {
    const fs = await statfs(destination);
    return new ByteBudget(OP, archive, fs.bavail * fs.bsize, `the free space in ${destination}; raise it with maxBytes`);
  } catch {
    return new ByteBudget(OP, archive, Infinity, 'no limit');
  }
}

async function extractFolder(archive: string, destination: string, format: ArchiveFormat, budget: ByteBudget): Promise<string> {
  let staging: string;
  try {
    staging = await realpath(await mkdtemp(join(destination, '.dl-extract-')));
  } catch (error) {
    throw toStorageError(error, OP, 'write in', destination);
  }
  try {
    const ctx = new ExtractionContext(OP, archive, staging, destination, budget);
    if (format === 'zip') {
      await extractZip(ctx);
    } else {
      const raw = createReadStream(archive);
      // gzip is detected by the tar parser itself; bzip2 and xz are decoded in front of it.
      const input = format === 'tar.bz2' ? await decompress(raw, 'bz2') : format === 'tar.xz' ? await decompress(raw, 'xz') : raw;
      await extractTar(ctx, input);
    }
    try {
      await mergeFolder(staging, destination);
    } catch (error) {
      throw toStorageError(error, OP, 'move extracted files into', destination);
    }
    return destination;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function decompressFile(archive: string, destination: string, format: Compression, budget: ByteBudget): Promise<string> {
  const suffix = formatFromName(archive)?.suffix;
  const name = suffix && suffix === `.${format}` ? basename(archive).slice(0, -suffix.length) : `${basename(archive)}.out`;
  const output = join(destination, name || 'decompressed');
  const temp = join(destination, `.${name}.dl-part-${process.pid}-${Date.now()}`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    throw toStorageError(error, OP, 'write', output);
  }
  let ok = false;
  try {
    const stream = await decompress(createReadStream(archive), format);
    try {
      for await (const chunk of stream) {
        budget.spend(name, (chunk as Buffer).length);
        try {
          await handle.write(chunk as Buffer);
        } catch (error) {
          stream.destroy();
          throw toStorageError(error, OP, 'write', output);
        }
      }
    } catch (error) {
      if (error instanceof DLError) throw error;
      throw new ArchiveError(`${OP}: ${archive} is truncated or corrupt (${format}): ${(error as Error)?.message ?? String(error)}`, {
        archive,
        cause: error,
      });
    }
    await handle.close();
    try {
      await rename(temp, output);
    } catch (error) {
      throw toStorageError(error, OP, 'write', output);
    }
    ok = true;
    return output;
  } finally {
    if (!ok) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
