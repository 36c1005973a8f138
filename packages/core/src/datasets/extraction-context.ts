import { lstat, mkdir, open, realpath, rm, symlink, link, utimes } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ByteBudget } from './byte-budget';
import { ArchiveError } from './errors/archive-error';
import { UnsafeArchiveEntryError } from './errors/unsafe-archive-entry-error';
import { checkLinkTarget, entryPath, isInside } from './safe-path';
import { toStorageError } from './storage';

/**
 * The state one extraction shares between entries: the staging folder entries are written to
 * (inside the destination, so the final moves are renames), the destination shown in messages,
 * and the byte budget.
 */
export class ExtractionContext {
  constructor(
    readonly op: string,
    readonly archive: string,
    /** The staging folder (a real path). */
    readonly staging: string,
    /** The destination folder the user named, for messages. */
    readonly destination: string,
    readonly budget: ByteBudget,
  ) {}

  /** Where entry `name` lands in the staging folder (refusing unsafe names). */
  pathOf(name: string): string {
    return entryPath(this.op, this.archive, this.staging, name);
  }

  /** The path a staged file will have once moved, for messages. */
  shown(staged: string): string {
    return join(this.destination, relative(this.staging, staged));
  }

  /** Creates a folder entry. */
  async directory(name: string): Promise<void> {
    await this.folder(name, this.pathOf(name));
  }

  /**
   * Writes a file entry from its data chunks, counting them against the budget. `data` is only
   * called once the file is open, so a stream that fails at once has a reader to fail to.
   */
  async file(
    name: string,
    data: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>,
    mode: number | undefined,
    mtime: Date | undefined,
  ): Promise<void> {
    const logical = this.pathOf(name);
    if (logical === this.staging) {
      throw new ArchiveError(`${this.op}: entry '${name}' of ${this.archive} names the folder itself, not a file`, { archive: this.archive, entry: name });
    }
    const path = join(await this.folder(name, dirname(logical)), basename(logical));
    await this.guard(path, () => rm(path, { force: true, recursive: true }));
    // Keep the owner's bits and execute bits; drop setuid/setgid/sticky and group/other write.
    const fileMode = mode === undefined ? 0o644 : (mode & 0o755) | 0o600;
    const handle = await this.guard(path, () => open(path, 'wx', fileMode));
    try {
      for await (const chunk of await data()) {
        this.budget.spend(name, chunk.length);
        await this.guard(path, () => handle.write(chunk));
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (mtime && !Number.isNaN(mtime.getTime())) await utimes(path, mtime, mtime).catch(() => undefined);
  }

  /** Creates a symbolic link entry whose target stays inside the folder. */
  async symlink(name: string, target: string): Promise<void> {
    checkLinkTarget(this.op, this.archive, name, target, 'symlink');
    const logical = this.pathOf(name);
    const path = join(await this.folder(name, dirname(logical)), basename(logical));
    await this.guard(path, () => rm(path, { force: true, recursive: true }));
    await this.guard(path, () => symlink(target.replace(/\\/g, '/'), path));
  }

  /** Creates a hard link entry to an earlier entry of the archive. */
  async hardlink(name: string, target: string): Promise<void> {
    const segments = checkLinkTarget(this.op, this.archive, name, target, 'hardlink');
    const source = join(await this.folder(name, join(this.staging, ...segments.slice(0, -1))), segments.at(-1) ?? '');
    const logical = this.pathOf(name);
    const path = join(await this.folder(name, dirname(logical)), basename(logical));
    await this.guard(path, () => rm(path, { force: true, recursive: true }));
    try {
      await link(source, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ArchiveError(`${this.op}: hard link '${name}' of ${this.archive} points to '${target}', which is not in the archive before it`, { archive: this.archive, entry: name });
      }
      throw toStorageError(error, this.op, 'write', this.shown(path));
    }
  }

  /**
   * Creates the folder `path` (inside the staging folder) one level at a time, following links
   * that already exist only while they stay inside, and returns its real path. Checking before
   * each `mkdir` means no folder is ever made outside, whatever links earlier entries left.
   */
  private async folder(name: string, path: string): Promise<string> {
    let current = this.staging;
    const rel = relative(this.staging, path);
    for (const part of rel ? rel.split(sep) : []) {
      const next = join(current, part);
      let exists = true;
      try {
        await lstat(next);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toStorageError(error, this.op, 'read', this.shown(next));
        exists = false;
      }
      if (!exists) {
        await this.guard(next, () => mkdir(next));
        current = next;
        continue;
      }
      let real: string;
      try {
        real = await realpath(next);
      } catch (error) {
        throw toStorageError(error, this.op, 'read', this.shown(next));
      }
      if (!isInside(this.staging, real)) {
        const reason = 'a link extracted before it leads outside the folder';
        throw new UnsafeArchiveEntryError(`${this.op}: refused entry '${name}' of ${this.archive}: ${reason}`, { archive: this.archive, entry: name, reason });
      }
      current = real;
    }
    return current;
  }

  private async guard<T>(path: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toStorageError(error, this.op, 'write', this.shown(path));
    }
  }
}
