import { describe, expect, it } from 'vitest';
import { AutogradError, DTypeError, Generator, ValueError, dropout, gradcheck, manualSeed, tensor } from '../../index';
import { fromFlat, randn } from '../../../test/support/functional-cases';

const ones = (n: number, requiresGrad = false) => fromFlat(new Array(n).fill(1), [n], 'float32', { requiresGrad });

describe('dropout', () => {
  it('zeroes about p of the elements and scales the rest by 1/(1-p)', () => {
    const y = Array.from(dropout(ones(20000), { p: 0.3, generator: new Generator(1) }).dataSync());
    const zeros = y.filter((v) => v === 0).length;
    expect(zeros / y.length).toBeGreaterThan(0.28);
    expect(zeros / y.length).toBeLessThan(0.32);
    expect(y.every((v) => v === 0 || Math.abs(v - 1 / 0.7) < 1e-6)).toBe(true);
  });

  it('sends the gradient through the same mask', () => {
    const x = ones(50, true);
    const y = dropout(x, { p: 0.5, generator: new Generator(2) });
    y.backward(ones(50));
    expect(Array.from(x.grad!.dataSync())).toEqual(Array.from(y.dataSync()));
    expect(y.gradFn!.name).toBe('DropoutBackward');
  });

  it('repeats with the same seed, on a given generator and on the default one', () => {
    const a = dropout(ones(64), { generator: new Generator(5) }).tolist();
    const b = dropout(ones(64), { generator: new Generator(5) }).tolist();
    expect(a).toEqual(b);
    manualSeed(9);
    const c = dropout(ones(64)).tolist();
    manualSeed(9);
    expect(dropout(ones(64)).tolist()).toEqual(c);
  });

  it('returns the input itself when not training or when p is 0', () => {
    const x = ones(4);
    expect(dropout(x, { training: false })).toBe(x);
    expect(dropout(x, { p: 0 })).toBe(x);
  });

  it('gives zeros (and zero gradients) when p is 1', () => {
    const x = ones(3, true);
    const y = dropout(x, { p: 1 });
    expect(y.tolist()).toEqual([0, 0, 0]);
    y.backward(ones(3));
    expect(x.grad!.tolist()).toEqual([0, 0, 0]);
  });

  it('writes into the input with inplace, keeping the graph', () => {
    const leaf = ones(6, true);
    const h = leaf.mul(3);
    const y = dropout(h, { p: 0.5, inplace: true, generator: new Generator(4) });
    expect(y).toBe(h);
    const kept = Array.from(h.dataSync()).map((v) => (v === 0 ? 0 : 1));
    expect(Array.from(h.dataSync())).toEqual(kept.map((k) => k * 6));
    h.backward(ones(6));
    expect(Array.from(leaf.grad!.dataSync())).toEqual(kept.map((k) => k * 6));
  });

  it('refuses inplace on a leaf that requires grad', () => {
    expect(() => dropout(ones(2, true), { inplace: true })).toThrow(AutogradError);
    expect(() => dropout(ones(2, true), { inplace: true })).toThrow('dropout_: a leaf Variable that requires grad is being used in an in-place operation.');
  });

  it('passes gradcheck with a fixed mask', () => {
    expect(gradcheck((a) => dropout(a, { p: 0.4, generator: new Generator(7) }), [randn([3, 4], 1, { requiresGrad: true })])).toBe(true);
  });

  it('refuses p outside [0, 1] and integer input', () => {
    expect(() => dropout(ones(2), { p: 1.5 })).toThrow(ValueError);
    expect(() => dropout(ones(2), { p: 1.5 })).toThrow('dropout: dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => dropout(ones(2), { p: -0.1 })).toThrow('dropout: dropout probability has to be between 0 and 1, but got -0.1');
    expect(() => dropout(ones(2), { p: Number.NaN })).toThrow(ValueError);
    expect(() => dropout(tensor([1, 2], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => dropout(tensor([1, 2], { dtype: 'int32' }))).toThrow('dropout: expected a float32 input, got int32');
  });
});
