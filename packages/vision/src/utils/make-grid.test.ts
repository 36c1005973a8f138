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

describe('makeGrid arguments', () => {
  const t = tensor(new Float32Array(2 * 3 * 2 * 2)).reshape([2, 3, 2, 2]);

  it('refuses non-tensors, mixed shapes, bad dtypes and bad options', () => {
    expect(() => makeGrid('x' as unknown as Tensor)).toThrow(new ArgumentTypeError('makeGrid: expected a Tensor or a list of Tensors, got string x'));
    expect(() => makeGrid([])).toThrow(new ValueError('makeGrid: expected a non-empty list of tensors, got []'));
    expect(() => makeGrid([tensor(new Float32Array(4)).reshape([1, 2, 2]), tensor(new Float32Array(6)).reshape([1, 2, 3])])).toThrow(
      new ShapeError('makeGrid: a list of tensors must share one shape and dtype (torch.stack), got [1, 2, 2] float32 and [1, 2, 3] float32'),
    );
    expect(() => makeGrid(tensor([true, false]))).toThrow(new DTypeError('makeGrid: expected float32 or int32 tensors, got dtype bool'));
    expect(() => makeGrid(tensor(new Float32Array(2)))).toThrow(new ShapeError('makeGrid: expected [H, W], [C, H, W] or [N, C, H, W] tensors, got shape [2]'));
    expect(() => makeGrid(t, { nrow: 0 })).toThrow(new ValueError('makeGrid: nrow must be an integer >= 1, got 0'));
    expect(() => makeGrid(t, { padding: -1 })).toThrow(new ValueError('makeGrid: padding must be an integer >= 0, got -1'));
    expect(() => makeGrid(t, { normalize: true, valueRange: [0] as unknown as [number, number] })).toThrow(
      new ArgumentTypeError('makeGrid: valueRange must be [min, max] (two numbers), got an object (Array)'),
    );
    expect(() => makeGrid(tensor(new Int32Array(8)).reshape([2, 1, 2, 2]), { normalize: true })).toThrow(
      new DTypeError('makeGrid: normalize needs a float32 tensor (torch cannot divide an integer tensor in place), got int32'),
    );
  });

  it('does not change its input when normalizing', () => {
    const x = tensor(Float32Array.of(1, 2, 3, 4)).reshape([1, 1, 2, 2]);
    makeGrid(x, { normalize: true });
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3, 4]);
  });
});
