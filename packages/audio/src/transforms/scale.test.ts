import { ArgumentTypeError, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Scale } from './scale';

describe('Scale', () => {
  it('divides by 2 ** 31 by default, converting integers to float32', () => {
    const y = new Scale()(tensor([2 ** 30, -(2 ** 31)], { dtype: 'int32' }));
    expect(y.dtype).toBe('float32');
    expect(y.tolist()).toEqual([0.5, -1]);
    expect(new Scale(2 ** 15)(tensor([16384])).tolist()).toEqual([0.5]);
    expect(String(new Scale(4))).toBe('Scale()');
  });

  it('rejects a zero factor and non-tensors', () => {
    expect(() => new Scale(0)).toThrowError(new ValueError('Scale: factor must be nonzero, got 0'));
    expect(() => new Scale()([1] as never)).toThrowError(new ArgumentTypeError('Scale: expected tensor to be a Tensor, got [1]'));
  });
});
