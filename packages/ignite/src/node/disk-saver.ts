import { ValueError, serialize, type CheckpointFormat } from '@dl/core';
import { load, save } from '@dl/core/node';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SaveHandler } from '../handlers/save-handler';

/** Options of {@link DiskSaver}. */
export interface DiskSaverOptions {
  /** Write to a temporary file and rename it into place, so no partial file ever has a final name. @default true */
  atomic?: boolean;
  /** Create the directory if missing. @default true */
  createDir?: boolean;
  /** Refuse a directory that already holds checkpoints of this format. @default true */
  requireEmpty?: boolean;
  /**
   * `'torch'`: PyTorch's zip format, `.pt` files Python's `torch.load` opens (ignite's names);
   * `'safetensors'`: `.safetensors` files. @default 'torch'
   */
  format?: CheckpointFormat;
}

/** @internal Temporary files core's atomic writes leave when a process dies mid-write: `.{name}.{pid}.{hex}.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Saves checkpoints as files in a directory (ignite's `DiskSaver`), atomically by default, with
 * @dl/core's `save`. Stale temporary files of killed processes are removed when it starts.
 *
 * @example
 * ```ts
 * const saver = new DiskSaver('runs/ckpt', { requireEmpty: false });
 * const handler = new Checkpoint({ model, optimizer, trainer }, saver, { nSaved: 2 });
 * ```
 */
export class DiskSaver implements SaveHandler {
  /** The directory (absolute). */
  readonly dirname: string;
  /** The file extension written. */
  readonly ext: string;
  readonly atomic: boolean;
  readonly format: CheckpointFormat;

  constructor(dirname: string, options: DiskSaverOptions = {}) {
    if (typeof dirname !== 'string' || dirname.length === 0) throw new ValueError(`DiskSaver: dirname should be a non-empty path, got ${String(dirname)}`);
    const format = options.format ?? 'torch';
    if (format !== 'torch' && format !== 'safetensors') throw new ValueError(`DiskSaver: format should be 'torch' or 'safetensors', got ${JSON.stringify(format)}`);
    this.dirname = resolve(dirname);
    this.format = format;
    this.ext = format === 'torch' ? 'pt' : 'safetensors';
    this.atomic = options.atomic ?? true;
    if (options.createDir ?? true) mkdirSync(this.dirname, { recursive: true });
    if (!existsSync(this.dirname) || !statSync(this.dirname).isDirectory()) throw new ValueError(`DiskSaver: directory path '${this.dirname}' is not found`);
    const names = readdirSync(this.dirname);
    for (const n of names) {
      const m = TEMP_FILE.exec(n);
      if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(this.dirname, n), { force: true });
    }
    if (options.requireEmpty ?? true) {
      const matched = names.filter((n) => n.endsWith(`.${this.ext}`) && !n.startsWith('.'));
      if (matched.length > 0) {
        throw new ValueError(
          `DiskSaver: files [${matched.join(', ')}] with extension '.${this.ext}' are already present in the directory ${this.dirname}. If you want to use this directory anyway, pass requireEmpty: false`,
        );
      }
    }
  }

  /** Writes `checkpoint` to `dirname/filename`. */
  async save(checkpoint: unknown, filename: string): Promise<void> {
    const path = join(this.dirname, filename);
    if (this.atomic) await save(checkpoint, path, { format: this.format });
    else writeFileSync(path, serialize(checkpoint, { format: this.format }));
  }

  /** Deletes `dirname/filename` (nothing if it is already gone). */
  async remove(filename: string): Promise<void> {
    await unlink(join(this.dirname, filename)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  /** Reads `dirname/filename` back. */
  load(filename: string): Promise<unknown> {
    return load(join(this.dirname, filename));
  }
}
