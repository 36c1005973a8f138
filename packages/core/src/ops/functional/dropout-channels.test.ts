import { describe, expect, it } from 'vitest';
import { Generator, ShapeError, ValueError, dropout1d, dropout2d, dropout3d, gradcheck, type Tensor } from '../../index';
import { fromFlat, randn } from '../../../test/support/functional-cases';

function onesOf(shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return fromFlat(new Array(n).fill(1), shape);
}

/** Every run of `inner` consecutive values is constant: 0 or 1/(1-p). Returns the dropped share. */
function channelsConstant(y: Tensor, inner: number, p: number): number {
  const v = Array.from(y.dataSync());
  let dropped = 0;
  let ok = true;
  for (let i = 0; i < v.length; i += inner) {
    const first = v[i];
    if (!(first === 0 || Math.abs(first - 1 / (1 - p)) < 1e-5)) ok = false;
    for (let j = 1; j < inner; j++) if (v[i + j] !== first) ok = false;
    if (first === 0) dropped++;
  }
  expect(ok, 'every channel is all zeros or all 1/(1-p)').toBe(true);
  return dropped / (v.length / inner);
}

describe('dropout1d', () => {
  it('drops whole channels of (N, C, L) and (C, L) input', () => {
    const share = channelsConstant(dropout1d(onesOf([40, 50, 3]), { p: 0.4, generator: new Generator(1) }), 3, 0.4);
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.45);
    channelsConstant(dropout1d(onesOf([6, 4]), { p: 0.5, generator: new Generator(2) }), 4, 0.5);
  });

  it('refuses other ranks', () => {
    expect(() => dropout1d(onesOf([2, 3, 4, 5]))).toThrow(ShapeError);
    expect(() => dropout1d(onesOf([2, 3, 4, 5]))).toThrow(
      'dropout1d: expected 2-D or 3-D input ((C, *) or (N, C, *) with 1 spatial dimension), got shape [2, 3, 4, 5]',
    );
  });
});

describe('dropout2d', () => {
  it('drops whole feature maps of (N, C, H, W) and (C, H, W) input', () => {
    channelsConstant(dropout2d(onesOf([4, 8, 3, 2]), { p: 0.5, generator: new Generator(3) }), 6, 0.5);
    channelsConstant(dropout2d(onesOf([8, 3, 2]), { p: 0.25, generator: new Generator(4) }), 6, 0.25);
  });

  it('passes gradcheck with a fixed mask and returns the input in evaluation', () => {
    const x = randn([2, 3, 2, 2], 5, { requiresGrad: true });
    expect(gradcheck((a) => dropout2d(a, { p: 0.5, generator: new Generator(6) }), [x])).toBe(true);
    expect(dropout2d(x, { training: false })).toBe(x);
  });

  it('refuses other ranks and bad p', () => {
    expect(() => dropout2d(onesOf([2, 3]))).toThrow(
      'dropout2d: expected 3-D or 4-D input ((C, *) or (N, C, *) with 2 spatial dimensions), got shape [2, 3]',
    );
    expect(() => dropout2d(onesOf([2, 3, 4]), { p: 2 })).toThrow(ValueError);
    expect(() => dropout2d(onesOf([2, 3, 4]), { p: 2 })).toThrow('dropout2d: dropout probability has to be between 0 and 1, but got 2');
  });
});

describe('dropout3d', () => {
  it('drops whole volumes of (N, C, D, H, W) and (C, D, H, W) input', () => {
    channelsConstant(dropout3d(onesOf([2, 5, 2, 2, 2]), { p: 0.5, generator: new Generator(7) }), 8, 0.5);
    channelsConstant(dropout3d(onesOf([5, 2, 1, 3]), { p: 0.5, generator: new Generator(8) }), 6, 0.5);
  });

  it('refuses other ranks', () => {
    expect(() => dropout3d(onesOf([2, 3, 4]))).toThrow(ShapeError);
    expect(() => dropout3d(onesOf([2, 3, 4]))).toThrow(
      'dropout3d: expected 4-D or 5-D input ((C, *) or (N, C, *) with 3 spatial dimensions), got shape [2, 3, 4]',
    );
  });
});
