// Fixtures of the color/conversion functional ops (test/fixtures/color, written by
// test/fixtures/generators/gen_color.py) and the shared torchvision references
// (test/fixtures/reference/vision_*.json), with the helpers their tests share.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DLError, reshape, tensor, type Tensor } from '@dl/core';
import { expect } from 'vitest';
import { Image, type ImageMode } from '../../src/image/image';

/** One array of a fixture: row-major values. */
export interface FixtureArray {
  shape: number[];
  dtype: 'float32' | 'uint8' | 'int64' | 'bool';
  data: number[];
}

/** A fixture file: `{op, params, inputs, expected, note}`. */
export interface Fixture {
  op: string;
  params: Record<string, unknown> & { cases?: unknown[][] };
  inputs: Record<string, FixtureArray>;
  expected: Record<string, FixtureArray>;
  note?: string;
}

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** `test/fixtures/color/<name>.json`. */
export function colorFixture(name: string): Fixture {
  return JSON.parse(readFileSync(`${root}color/${name}.json`, 'utf8')) as Fixture;
}

/** `test/fixtures/reference/<name>.json` (torchvision 0.14 on a 23x31 RGB PIL image). */
export function referenceFixture(name: string): Fixture {
  return JSON.parse(readFileSync(`${root}reference/${name}.json`, 'utf8')) as Fixture;
}

const MODES: Record<number, ImageMode> = { 1: 'L', 3: 'RGB', 4: 'RGBA' };

/** An HWC (or HW: mode L) uint8 array as an Image. */
export function imageOf(a: FixtureArray): Image {
  const [h, w, c = 1] = a.shape as [number, number, number?];
  return new Image(w!, h!, MODES[c]!, Uint8Array.from(a.data));
}

/** A fixture array as a tensor: uint8/int64 become the int32 8-bit stand-in, float32 stays float32. */
export function tensorOf(a: FixtureArray): Tensor {
  const data = a.dtype === 'float32' ? Float32Array.from(a.data) : Int32Array.from(a.data);
  return reshape(tensor(data), a.shape);
}

/** The float32 batch the generator made as `u8 / 255`. */
export function floatOf(u8: FixtureArray): Tensor {
  return reshape(tensor(Float32Array.from(u8.data, (v) => v / 255)), u8.shape);
}

/**
 * Largest absolute difference, and how many values differ by more than `tol`. With `float32`,
 * expected values are rounded to float32 first (the fixtures print 9 significant digits, which
 * round-trip float32 exactly).
 */
export function diff(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 0, float32 = false): { max: number; over: number } {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  let over = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - (float32 ? Math.fround(expected[i]!) : expected[i]!));
    if (!(d <= max)) max = d;
    if (!(d <= tol)) over++;
  }
  return { max, over };
}

/** Asserts an Image equals a uint8 HWC (or HW) fixture array byte for byte. */
export function expectImage(img: Image, a: FixtureArray): void {
  const c = a.shape[2] ?? 1;
  expect([img.height, img.width, img.channels]).toEqual([a.shape[0], a.shape[1], c]);
  expect(diff(img.data, a.data)).toEqual({ max: 0, over: 0 });
}

/** Asserts a tensor matches a fixture array: same shape, values within `tol` (exact by default); int32 for uint8 arrays. */
export function expectTensor(t: Tensor, a: FixtureArray, tol = 0): void {
  expect(t.shape).toEqual(a.shape);
  expect(t.dtype).toBe(a.dtype === 'float32' ? 'float32' : 'int32');
  const d = diff(t.dataSync(), a.data, tol, a.dtype === 'float32');
  expect(d.over, `max diff ${d.max}`).toBe(0);
}

/** Fixture inputs that are PIL images (uint8 HWC); the others are tensors (`u8`, `g8`, `n8`: uint8 CHW; `f32` is `u8 / 255`). */
const IMAGE_INPUTS = new Set(['rgb', 'l', 'rgba', 'narrow']);

/** A fixture input by name: an Image, an int32 tensor, or (`f32`) the float batch `u8 / 255`. */
export function fixtureInput(fx: Fixture, name: string): Image | Tensor {
  if (name === 'f32' && !fx.inputs.f32) return floatOf(fx.inputs.u8!);
  const a = fx.inputs[name]!;
  return IMAGE_INPUTS.has(name) ? imageOf(a) : tensorOf(a);
}

/** One expected result of a case fixture: key `<input>_<case>`, the input's name, the case's arguments. */
export interface FixtureCase {
  key: string;
  input: string;
  args: unknown[];
  expected: FixtureArray;
}

/** Every `<input>_<case>` result of a fixture whose `params.cases` lists the arguments of each case. */
export function fixtureCases(fx: Fixture, inputs?: readonly string[]): FixtureCase[] {
  return Object.entries(fx.expected)
    .map(([key, expected]) => {
      const cut = key.lastIndexOf('_');
      return { key, input: key.slice(0, cut), args: fx.params.cases![Number(key.slice(cut + 1))]!, expected };
    })
    .filter((c) => !inputs || inputs.includes(c.input));
}

/** Asserts an op's result equals a fixture's: an Image byte for byte, a tensor within `tol` (exact by default). */
export function expectResult(out: Image | Tensor, expected: FixtureArray, tol = 0): void {
  if (out instanceof Image) expectImage(out, expected);
  else expectTensor(out, expected, tol);
}

type ErrorClass = new (...args: never[]) => Error;

/** Asserts `fn` throws exactly `cls` (a DLError, not a subclass of it) with exactly `message`. */
export function throwsExactly(fn: () => unknown, cls: ErrorClass, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${cls.name}: ${message}`).toBeInstanceOf(cls);
  expect(caught).toBeInstanceOf(DLError);
  expect((caught as Error).constructor).toBe(cls);
  expect((caught as Error).message).toBe(message);
}
