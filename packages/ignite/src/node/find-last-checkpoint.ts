import { ValueError } from '@dl/core';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Options of {@link findLastCheckpoint}. */
export interface FindLastCheckpointOptions {
  /** Only files named `{filenamePrefix}_...`. @default '' (files without a prefix too) */
  filenamePrefix?: string;
  /** Only files with this extension. @default 'pt' */
  ext?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The newest checkpoint in a directory: the file whose name ends in the highest global step
 * (`..._{step}.pt`, as Checkpoint names unscored checkpoints), or null when there is none. What a
 * resumed process looks for after a crash; hidden temporary files are never considered.
 *
 * @example
 * ```ts
 * const last = findLastCheckpoint('runs/ckpt');
 * if (last) await Checkpoint.loadObjects({ model, optimizer, trainer }, last);
 * ```
 */
export function findLastCheckpoint(dirname: string, options: FindLastCheckpointOptions = {}): string | null {
  if (typeof dirname !== 'string' || dirname.length === 0) throw new ValueError(`findLastCheckpoint: dirname should be a non-empty path, got ${String(dirname)}`);
  const dir = resolve(dirname);
  if (!existsSync(dir)) return null;
  const ext = options.ext ?? 'pt';
  const prefix = options.filenamePrefix ? `${escapeRegExp(options.filenamePrefix)}_` : '';
  const pattern = new RegExp(`^${prefix}[^.].*_(\\d+)\\.${escapeRegExp(ext)}$`);
  let best: { step: number; name: string } | null = null;
  for (const name of readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const step = Number(m[1]);
    if (best === null || step > best.step) best = { step, name };
  }
  return best ? join(dir, best.name) : null;
}
