import { ArgumentTypeError, ShapeError, ones, rand, tensor, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectTensor, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { erase } from './erase';

describe('erase', () => {
  const fx = colorFixture('color_erase');
  const cases = fx.params.cases as [number, number, number, number, number | string][];
  const value = (v: number | string) => (typeof v === 'number' ? v : (fixtureInput(fx, v) as Tensor));

  it.each(Object.keys(fx.expected))('matches torchvision for %s (regions past the edge clipped)', (key) => {
    const [input, idx] = key.split('_') as [string, string];
    const [i, j, h, w, v] = cases[Number(idx)]!;
    const out = erase(fixtureInput(fx, input) as Tensor, i, j, h, w, input === 'u8' ? 200 : value(v));
    expectTensor(out, fx.expected[key]!);
  });

  it('leaves the input alone unless inplace', () => {
    const x = ones([1, 2, 2]);
    expect(erase(x, 0, 0, 1, 1, 0).tolist()).toEqual([[[0, 1], [1, 1]]]);
    expect(x.tolist()).toEqual([[[1, 1], [1, 1]]]);
    expect(erase(x, 1, 1, 5, 5, 3, true)).toBe(x);
    expect(x.tolist()).toEqual([[[1, 1], [1, 3]]]);
    expect(erase(x, 2, 0, 1, 1, 9).tolist()).toEqual(x.tolist());
  });

  it('casts the value to an 8-bit tensor', () => {
    const out = erase(tensor(new Int32Array(4)).reshape([1, 2, 2]), 0, 0, 1, 2, 7.9);
    expect([out.dtype, out.tolist()]).toEqual(['int32', [[[7, 7], [0, 0]]]]);
  });

  it('rejects Images, values that do not broadcast and non-integer coordinates', () => {
    throwsExactly(() => erase(Image.new('RGB', [2, 2]) as never, 0, 0, 1, 1, 0), ArgumentTypeError, 'erase: expected a Tensor, got <Image mode=RGB size=2x2> (convert an Image with toTensor() or pilToTensor() first)');
    throwsExactly(() => erase(rand([3, 4, 4]), 0, 0, 2, 2, rand([3, 3, 3])), ShapeError, 'erase: v of shape [3, 3, 3] does not broadcast to the erased region [3, 2, 2]');
    throwsExactly(() => erase(rand([3, 4, 4]), 0.5, 0, 2, 2, 0), ArgumentTypeError, 'erase: expected i to be an integer, got number 0.5');
    throwsExactly(() => erase(rand([3, 4, 4]), 0, 0, 2, 2, 'x' as never), ArgumentTypeError, 'erase: expected v to be a number or a Tensor, got string x');
  });
});
