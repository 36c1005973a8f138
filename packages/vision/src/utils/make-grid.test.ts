import { readFileSync } from 'node:fs';
import { ArgumentTypeError, DTypeError, ShapeError, tensor, type Tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { makeGrid } from './make-grid';

interface Arr {
  shape: number[];
  dtype: string;
  data: number[];
}
interface GridCase {
  name: string;
  input: Arr | Arr[];
  isList: boolean;
  params: Record<string, unknown>;
  expected: Arr;
}

const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/io/utils_make_grid.json', import.meta.url), 'utf8')) as { cases: GridCase[] };

function toTensor(a: Arr): Tensor {
  const dtype = a.dtype === 'float32' ? 'float32' : 'int32';
  return tensor(dtype === 'float32' ? Float32Array.from(a.data) : Int32Array.from(a.data)).reshape(a.shape);
}

function options(params: Record<string, unknown>) {
  return {
    nrow: params.nrow as number | undefined,
    padding: params.padding as number | undefined,
    normalize: params.normalize as boolean | undefined,
    valueRange: params.value_range as [number, number] | undefined,
    scaleEach: params.scale_each as boolean | undefined,
    padValue: params.pad_value as number | undefined,
  };
}

describe('makeGrid', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('matches torchvision.utils.make_grid: %s', (_, c) => {
    const input = c.isList ? (c.input as Arr[]).map(toTensor) : toTensor(c.input as Arr);
    const out = makeGrid(input, options(c.params));
    expect(out.shape).toEqual(c.expected.shape);
    expect(out.dtype).toBe(c.expected.dtype === 'float32' ? 'float32' : 'int32');
    // float32 values compare exactly: the same float32 operations in the same order as torch
    expect(Array.from(out.dataSync())).toEqual(c.expected.data.map((v) => (c.expected.dtype === 'float32' ? Math.fround(v) : v)));
  });
});
