import { readFile } from 'node:fs/promises';
import { DatasetError } from '@dl/core/node';

/** @internal The lines of a text file, without the empty one after the last newline. */
async function lines(path: string, op: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DatasetError(`${op}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { cause: error });
  }
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

const INTEGER = /^[+-]?\d+$/;

/**
 * @internal PhotoTour's `info.txt`: the 3D point id of each patch, the first field of each line
 * (torchvision's `read_info_file`).
 */
export async function readInfoFile(path: string, op: string): Promise<Int32Array> {
  const rows = await lines(path, op);
  const labels = new Int32Array(rows.length);
  rows.forEach((line, i) => {
    const first = line.trim().split(/\s+/)[0] ?? '';
    if (!INTEGER.test(first)) throw new DatasetError(`${op}: line ${i + 1} of ${path} should start with a 3D point id (an integer), got '${line}'`);
    labels[i] = Number(first);
  });
  return labels;
}

/**
 * @internal PhotoTour's matches file (`m50_100000_100000_0.txt`), whose lines are
 * `patch1 point1 _ patch2 point2 _`: `[patch1, patch2, point1 == point2 ? 1 : 0]` per line, flat
 * (torchvision's `read_matches_files`). Patch indices must be below `patches`.
 */
export async function readMatchesFile(path: string, patches: number, op: string): Promise<Int32Array> {
  const rows = await lines(path, op);
  const matches = new Int32Array(rows.length * 3);
  rows.forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || !INTEGER.test(f[0]!) || !INTEGER.test(f[3]!)) {
      throw new DatasetError(`${op}: line ${i + 1} of ${path} should be 'patch1 point1 _ patch2 point2 _' (integers), got '${line}'`);
    }
    const a = Number(f[0]);
    const b = Number(f[3]);
    for (const p of [a, b]) {
      if (p < 0 || p >= patches) throw new DatasetError(`${op}: line ${i + 1} of ${path} refers to patch ${p}, but there are ${patches} patches`);
    }
    matches.set([a, b, f[1] === f[4] ? 1 : 0], i * 3);
  });
  return matches;
}
