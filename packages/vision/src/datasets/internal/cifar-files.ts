import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tensor } from '@dl/core';
import { readPickle } from '@dl/core/internal';
import { DatasetError } from '@dl/core/node';

/** @internal The images (3x32x32 planes each, as the files hold them), labels and class names of a CIFAR split. */
export interface CifarBatches {
  pixels: Uint8Array;
  labels: number[];
  classes: string[];
}

async function read(path: string, dataset: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DatasetError(`${dataset}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message} (${code})`, { cause: error });
  }
}

/** A pickle's content, or a DatasetError naming the file (the unpickler's own errors name it too). */
function unpickleDict(bytes: Uint8Array, path: string, dataset: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = readPickle(bytes, path);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    throw new DatasetError(`${dataset}: ${path} is not a valid CIFAR pickle: ${message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message}`, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Tensor || value instanceof Uint8Array) {
    throw new DatasetError(`${dataset}: ${path} should hold a dict, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function disposeTensors(dict: Record<string, unknown>): void {
  for (const v of Object.values(dict)) if (v instanceof Tensor) v.dispose();
}

function intList(value: unknown, n: number, what: string): number[] {
  if (!Array.isArray(value) || value.length !== n || !value.every((v) => Number.isInteger(v))) {
    throw new DatasetError(`${what} should be a list of ${n} integers, got ${Array.isArray(value) ? `a list of ${value.length}` : typeof value}`);
  }
  return value as number[];
}

/**
 * @internal Reads the python version's batch files (pickled dicts with `data`, a uint8 array
 * `[n, 3072]`, and `labels` or `fine_labels`) and the metadata pickle's class names.
 */
export async function readCifarPython(folder: string, files: readonly string[], meta: { filename: string; key: string }, dataset: string): Promise<CifarBatches> {
  const parts: Uint8Array[] = [];
  const labels: number[] = [];
  for (const file of files) {
    const path = join(folder, file);
    const dict = unpickleDict(await read(path, dataset), path, dataset);
    try {
      const data = dict.data;
      if (!(data instanceof Tensor) || data.shape.length !== 2 || data.shape[1] !== 3072) {
        throw new DatasetError(`${dataset}: ${path}: 'data' should be a uint8 array [N, 3072], got ${data instanceof Tensor ? `[${data.shape.join(', ')}]` : typeof data}`);
      }
      const n = data.shape[0]!;
      const batchLabels = intList(dict.labels ?? dict.fine_labels, n, `${dataset}: ${path}: '${'labels' in dict ? 'labels' : 'fine_labels'}'`);
      parts.push(Uint8Array.from(data.dataSync()));
      labels.push(...batchLabels);
    } finally {
      disposeTensors(dict);
    }
  }
  const metaPath = join(folder, meta.filename);
  const metaDict = unpickleDict(await read(metaPath, dataset), metaPath, dataset);
  disposeTensors(metaDict);
  const classes = metaDict[meta.key];
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) {
    throw new DatasetError(`${dataset}: ${metaPath}: '${meta.key}' should be a list of class names, got ${Array.isArray(classes) ? 'other values' : typeof classes}`);
  }
  return { pixels: concat(parts), labels, classes: classes as string[] };
}

/**
 * @internal Reads the binary version's files: records of `labelBytes` label bytes (the last one
 * is the label: CIFAR-100 puts the coarse label first) and 3072 pixel bytes; class names from a
 * text file, one a line.
 */
export async function readCifarBinary(folder: string, files: readonly string[], metaFile: string, labelBytes: number, dataset: string): Promise<CifarBatches> {
  const record = labelBytes + 3072;
  const parts: Uint8Array[] = [];
  const labels: number[] = [];
  for (const file of files) {
    const path = join(folder, file);
    const bytes = await read(path, dataset);
    if (bytes.length % record !== 0) {
      throw new DatasetError(`${dataset}: ${path} should hold records of ${record} bytes (${labelBytes} label byte${labelBytes > 1 ? 's' : ''} and 3072 pixels), but its ${bytes.length} bytes are not a whole number of them`);
    }
    const n = bytes.length / record;
    const pixels = new Uint8Array(n * 3072);
    for (let i = 0; i < n; i++) {
      labels.push(bytes[i * record + labelBytes - 1]!);
      pixels.set(bytes.subarray(i * record + labelBytes, (i + 1) * record), i * 3072);
    }
    parts.push(pixels);
  }
  const text = new TextDecoder().decode(await read(join(folder, metaFile), dataset));
  const classes = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return { pixels: concat(parts), labels, classes };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
