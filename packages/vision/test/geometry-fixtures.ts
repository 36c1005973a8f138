// Loaders for the parity fixtures of the geometric transforms (test/fixtures/geometry, written by
// test/fixtures/generators/gen_geometry.py, and the shared test/fixtures/reference/vision_*.json).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reshape, tensor, type Tensor } from '@dl/core';
import { expect } from 'vitest';
import { Image, type ImageMode } from '../src/image/image';

/** A fixture array: shape, dtype and flat row-major values. */
export interface FixtureArray {
  shape: number[];
  dtype: 'uint8' | 'float32';
  data: number[];
}

/** One fixture file. */
export interface GeometryFixture {
  name: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, FixtureArray>;
  expected: Record<string, FixtureArray>;
  note?: string;
}

const GEOMETRY = fileURLToPath(new URL('./fixtures/geometry/', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./fixtures/reference/', import.meta.url));

function load(dir: string, file: string): GeometryFixture {
  return { name: file.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(dir + file, 'utf8')) as Omit<GeometryFixture, 'name'>) };
}

/** The geometry fixtures whose file name starts with `prefix` (e.g. `pil_resize_`), sorted. */
export function geometryFixtures(prefix: string): GeometryFixture[] {
  const files = readdirSync(GEOMETRY)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no geometry fixtures start with ${prefix}`);
  return files.map((f) => load(GEOMETRY, f));
}

/** A shared reference fixture, e.g. `vision_resize_bilinear`. */
export function referenceFixture(name: string): GeometryFixture {
  return load(REFERENCE, `${name}.json`);
}

/** An Image from an HWC (or HW) uint8 fixture array. */
export function fixtureImage(a: FixtureArray, mode?: ImageMode): Image {
  const [h, w, c = 1] = a.shape as [number, number, number?];
  const m: ImageMode = mode ?? (c === 1 ? 'L' : c === 3 ? 'RGB' : 'RGBA');
  return new Image(w, h, m, Uint8Array.from(a.data));
}

/** The input Image of a PIL fixture (`inputs.image_hwc_uint8` in `params.mode`, RGB by default). */
export function inputImage(f: GeometryFixture): Image {
  return fixtureImage(f.inputs.image_hwc_uint8!, (f.params.mode as ImageMode | undefined) ?? 'RGB');
}

/** A tensor from a fixture array: float32 stays float32, uint8 becomes the int32 8-bit stand-in. */
export function fixtureTensor(a: FixtureArray): Tensor {
  const values = a.dtype === 'float32' ? Float32Array.from(a.data) : Int32Array.from(a.data);
  return reshape(tensor(values), a.shape);
}

/** How many values of `actual` differ from the expected fixture array by more than `tol`, and the largest difference. */
export function compare(actual: ArrayLike<number>, expected: FixtureArray, tol = 0): { mismatches: number; maxDiff: number } {
  let mismatches = 0;
  let maxDiff = 0;
  // float32 fixtures hold the shortest decimal of each float32 value: read it back as float32
  const read = expected.dtype === 'float32' ? Math.fround : (v: number) => v;
  for (let i = 0; i < expected.data.length; i++) {
    const d = Math.abs(actual[i]! - read(expected.data[i]!));
    if (!(d <= tol)) mismatches++;
    if (!(d <= maxDiff)) maxDiff = d;
  }
  if (actual.length !== expected.data.length) mismatches += Math.abs(actual.length - expected.data.length);
  return { mismatches, maxDiff };
}

/** `[height, width, channels]` of an Image as the fixtures store it (HW for L). */
export function imageShape(img: Image): number[] {
  return img.mode === 'L' ? [img.height, img.width] : [img.height, img.width, img.channels];
}

/**
 * Asserts that an Image or tensor has the fixture's shape (and, for tensors, the matching dtype:
 * uint8 fixtures are int32 tensors) and values within `tol` of it.
 */
export function expectFixture(actual: Image | Tensor, expected: FixtureArray, tol = 0): void {
  if (actual instanceof Image) {
    expect(imageShape(actual)).toEqual(expected.shape);
  } else {
    expect(actual.shape).toEqual(expected.shape);
    expect(actual.dtype).toBe(expected.dtype === 'uint8' ? 'int32' : 'float32');
  }
  const r = compare(actual instanceof Image ? actual.data : actual.dataSync(), expected, tol);
  expect(r.mismatches, `${r.mismatches} of ${expected.data.length} values differ by more than ${tol} (largest difference ${r.maxDiff})`).toBe(0);
}

/** The float32 tolerance of the tensor-path fixtures (torchvision's float32 arithmetic, reordered). */
export const TENSOR_TOL = 1e-5;
