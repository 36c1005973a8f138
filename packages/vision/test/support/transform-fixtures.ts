// Fixtures of the transform classes (test/fixtures/transforms, written by
// test/fixtures/generators/gen_transforms.py) and the helpers their tests share.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DLError, manualSeed, reshape, tensor, type Tensor } from '@dl/core';
import { expect } from 'vitest';
import { Image } from '../../src/image/image';

/** One array of a fixture: row-major values. */
export interface FixtureArray {
  shape: number[];
  dtype: 'float32' | 'uint8';
  data: number[];
}

/** A `get_params` case: the seed, the arguments and what torchvision returned. */
export interface ParamsCase {
  seed: number;
  args: Record<string, unknown>;
  expected: unknown;
}

const root = fileURLToPath(new URL('../fixtures/transforms/', import.meta.url));
const cache = new Map<string, unknown>();

function load<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(`${root}${name}`, 'utf8')));
  return cache.get(name) as T;
}

/** The `get_params` case `name` of params.json. */
export function paramsCase(name: string): ParamsCase {
  const c = load<Record<string, ParamsCase>>('params.json')[name];
  if (!c) throw new Error(`no params case ${name}`);
  return c;
}

/** The names of the params.json cases starting with `prefix`. */
export function paramsCases(prefix: string): string[] {
  return Object.keys(load<Record<string, ParamsCase>>('params.json')).filter((k) => k.startsWith(prefix));
}

/** torchvision's repr for the constructor call described as `key` in reprs.json. */
export function torchRepr(key: string): string {
  const hit = load<[string, string][]>('reprs.json').find(([k]) => k === key);
  if (!hit) throw new Error(`no repr for ${key}`);
  return hit[1];
}

/** augment_tables.json. */
export function augmentTables(): Record<string, unknown> {
  return load<Record<string, unknown>>('augment_tables.json');
}

/** The whole-transform output `name` of outputs.json: its seed and torchvision's result. */
export function outputCase(name: string): { seed: number; y: FixtureArray } {
  const c = load<{ cases: Record<string, { seed: number; y: FixtureArray }> }>('outputs.json').cases[name];
  if (!c) throw new Error(`no output case ${name}`);
  return c;
}

/** The 16x12 RGB image the outputs were computed on (a crop of the 23x31 reference image). */
export function smallImage(): Image {
  const a = load<{ image: FixtureArray }>('outputs.json').image;
  return new Image(a.shape[1]!, a.shape[0]!, 'RGB', Uint8Array.from(a.data));
}

/** The small image as a float32 `[3, 12, 16]` tensor in [0, 1] (as `to_tensor`). */
export function smallTensor(): Tensor {
  const img = smallImage();
  const { width: w, height: h } = img;
  const out = new Float32Array(3 * h * w);
  for (let c = 0; c < 3; c++) for (let p = 0; p < h * w; p++) out[c * h * w + p] = img.data[p * 3 + c]! / 255;
  return reshape(tensor(out), [3, h, w]);
}

/** A `w` x `h` image with distinct pixels (mode RGB unless given). */
export function patternImage(w: number, h: number, mode: 'L' | 'RGB' = 'RGB'): Image {
  const c = mode === 'L' ? 1 : 3;
  return new Image(w, h, mode, Uint8Array.from({ length: w * h * c }, (_, i) => (i * 37 + 11) % 256));
}

/** Runs `fn` after `manualSeed(seed)`. */
export function seeded<T>(seed: number, fn: () => T): T {
  manualSeed(seed);
  return fn();
}

/** Largest absolute difference between two arrays (lengths must match). */
export function maxDiff(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(actual[i]! - expected[i]!));
  return max;
}

/** Asserts an Image matches a uint8 HWC fixture array within `tol` levels. */
export function expectImageClose(img: Image, a: FixtureArray, tol = 0): void {
  expect([img.height, img.width, img.channels]).toEqual([a.shape[0], a.shape[1], a.shape[2] ?? 1]);
  expect(maxDiff(img.data, a.data)).toBeLessThanOrEqual(tol);
}

/** Asserts a tensor matches a fixture array within `tol` (float32 fixtures hold the shortest decimal of each float32). */
export function expectTensorClose(t: Tensor, a: FixtureArray, tol = 0): void {
  expect(t.shape).toEqual(a.shape);
  expect(maxDiff(t.dataSync(), a.dtype === 'float32' ? a.data.map(Math.fround) : a.data)).toBeLessThanOrEqual(tol);
}

/** Asserts `fn` throws exactly `type` with exactly `message`. */
export function throwsExactly(fn: () => unknown, type: abstract new (...args: never[]) => DLError, message: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${type.name}: ${message}`).toBeInstanceOf(type);
  expect((error as Error).message).toBe(message);
}

/** The values of an Image or a tensor, to compare two results. */
export function valuesOf(x: Image | Tensor): number[] {
  return x instanceof Image ? [x.width, x.height, ...x.data] : [...x.shape, ...x.dataSync()];
}
