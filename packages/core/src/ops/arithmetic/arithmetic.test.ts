import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import * as dl from '../../index';
import { DTypeError, ShapeError, Tensor, ValueError } from '../../index';
import { BINARY_REFERENCE } from '../../../test/support/arithmetic-reference';

const OPS: Record<string, (a: Tensor, b: Tensor) => Tensor> = {
  sub: (a, b) => dl.sub(a, b, { alpha: 2 }),
  rsub: (a, b) => dl.rsub(a, b, { alpha: 3 }),
  div: (a, b) => dl.div(a, b),
  divTrunc: (a, b) => dl.div(a, b, { roundingMode: 'trunc' }),
  divFloor: (a, b) => dl.div(a, b, { roundingMode: 'floor' }),
  pow: dl.pow,
  remainder: dl.remainder,
  fmod: dl.fmod,
  maximum: dl.maximum,
  minimum: dl.minimum,
  atan2: dl.atan2,
};

const int = (data: number[]) => dl.tensor(data, { dtype: 'int32' });

describe('binary arithmetic against PyTorch 1.13 (broadcast [2, 3] with [2, 1])', () => {
  it('covers every op of the reference table', () => {
    expect(Object.keys(OPS).sort()).toEqual(Object.keys(BINARY_REFERENCE).sort());
  });
  for (const [name, ref] of Object.entries(BINARY_REFERENCE)) {
    it(`computes ${name} and its gradients like PyTorch`, () => {
      const a = dl.tensor(ref.a, { requiresGrad: true });
      const b = dl.tensor(ref.b, { requiresGrad: true });
      const y = OPS[name](a, b);
      expectClose(y, ref.y.flat(), 1e-4, 1e-5, `${name} forward`);
      y.sum().backward();
      expectClose(a.grad!, ref.ga.flat(), 1e-4, 1e-5, `${name} grad a`);
      expectClose(b.grad!, ref.gb.flat(), 1e-4, 1e-5, `${name} grad b`);
    });
  }
});

describe('add', () => {
  it('scales other by alpha and refuses a fractional alpha with integer tensors', () => {
    expect(dl.add(dl.tensor([1, 2]), dl.tensor([1, 1]), { alpha: 0.5 }).tolist()).toEqual([1.5, 2.5]);
    expect(dl.add(int([1]), int([2]), { alpha: 3 }).tolist()).toEqual([7]);
    expect(() => dl.add(int([1]), int([1]), { alpha: 0.5 })).toThrow(DTypeError);
    expect(() => dl.add(int([1]), int([1]), { alpha: 0.5 })).toThrow('add: for integral input tensors, argument alpha must not be a floating point number (got 0.5 with dtype int32)');
    expect(() => dl.add(dl.ones([1]), 1, { alpha: NaN })).toThrow('add: alpha must be a number, got NaN');
  });
});

describe('sub', () => {
  it('subtracts numbers on either side', () => {
    expect(dl.sub(dl.tensor([5, 7]), 2).tolist()).toEqual([3, 5]);
    expect(dl.sub(10, dl.tensor([1, 2])).tolist()).toEqual([9, 8]);
    expect(dl.tensor([5]).subtract(1).tolist()).toEqual([4]);
  });

  it('keeps int32 for int operands and promotes with floats', () => {
    expect(dl.sub(int([5]), int([2])).dtype).toBe('int32');
    expect(dl.sub(int([5]), 0.5).tolist()).toEqual([4.5]);
  });

  it('refuses two bool tensors and float alpha with integers', () => {
    const b = dl.tensor([true]);
    expect(() => dl.sub(b, b)).toThrow(DTypeError);
    expect(() => dl.sub(b, b)).toThrow(/sub: subtraction, the `-` operator, with two bool tensors is not supported/);
    expect(() => dl.sub(int([1]), int([1]), { alpha: 0.5 })).toThrow(DTypeError);
    expect(() => dl.sub(int([1]), int([1]), { alpha: 0.5 })).toThrow('sub: for integral input tensors, argument alpha must not be a floating point number (got 0.5 with dtype int32)');
  });

  it('names the op and both shapes when shapes do not broadcast', () => {
    expect(() => dl.sub(dl.ones([2, 3]), dl.ones([4]))).toThrow(ShapeError);
    expect(() => dl.sub(dl.ones([2, 3]), dl.ones([4]))).toThrow(/sub: shapes \[2, 3\] and \[4\] cannot be broadcast/);
  });
});

describe('div', () => {
  it('true-divides integers into float32, as PyTorch', () => {
    const y = dl.div(int([7, -7]), int([2, 2]));
    expect(y.dtype).toBe('float32');
    expect(y.tolist()).toEqual([3.5, -3.5]);
    expect(dl.trueDivide(int([1]), 4).tolist()).toEqual([0.25]);
    expect(dl.divide(dl.tensor([1]), 4).tolist()).toEqual([0.25]);
  });

  it('rounds integer quotients toward zero or down, staying int32', () => {
    const a = int([7, -7, 7, -7, 6]);
    const b = int([2, 2, -2, -2, 3]);
    const t = dl.div(a, b, { roundingMode: 'trunc' });
    const f = dl.div(a, b, { roundingMode: 'floor' });
    expect(t.dtype).toBe('int32');
    expect(t.tolist()).toEqual([3, -3, -3, 3, 2]);
    expect(f.tolist()).toEqual([3, -4, -4, 3, 2]);
    expect(dl.floorDivide(a, b).tolist()).toEqual([3, -4, -4, 3, 2]);
  });

  it('gives inf and NaN for float division by zero', () => {
    expect(dl.div(dl.tensor([1, -1, 0]), 0).tolist()).toEqual([Infinity, -Infinity, NaN]);
  });

  it('refuses integer division by zero with a rounding mode (ZeroDivisionError)', () => {
    expect(() => dl.div(int([1, 2]), int([1, 0]), { roundingMode: 'floor' })).toThrow(ValueError);
    expect(() => dl.div(int([1, 2]), int([1, 0]), { roundingMode: 'trunc' })).toThrow('div: ZeroDivisionError (integer division by zero in a divisor of shape [2])');
    expect(() => dl.floorDivide(int([1]), 0)).toThrow(/ZeroDivisionError/);
  });

  it('refuses unknown rounding modes', () => {
    expect(() => dl.div(dl.ones([1]), 2, { roundingMode: 'round' as 'floor' })).toThrow(ValueError);
    expect(() => dl.div(dl.ones([1]), 2, { roundingMode: 'round' as 'floor' })).toThrow(
      "div: expected roundingMode to be one of null, 'trunc', or 'floor' but found 'round'",
    );
  });
});

describe('pow', () => {
  it('takes a number on either side', () => {
    expect(dl.pow(dl.tensor([2, 3]), 2).tolist()).toEqual([4, 9]);
    expect(dl.pow(2, dl.tensor([0, 3, -1])).tolist()).toEqual([1, 8, 0.5]);
    expect(dl.tensor([4]).pow(0.5).tolist()).toEqual([2]);
  });

  it('keeps integers integer and refuses negative integer exponents for them', () => {
    const y = dl.pow(int([2, -3]), 3);
    expect(y.dtype).toBe('int32');
    expect(y.tolist()).toEqual([8, -27]);
    expect(dl.pow(int([2, -1, 0]), int([-1, -1, 1])).tolist()).toEqual([0, -1, 0]);
    expect(() => dl.pow(int([2]), -1)).toThrow(ValueError);
    expect(() => dl.pow(int([2]), -1)).toThrow('pow: integers to negative integer powers are not allowed (got exponent -1 for dtype int32)');
    expect(dl.pow(int([2]), 0.5).dtype).toBe('float32');
  });

  it('has PyTorch gradients at a zero base and a zero exponent', () => {
    const x = dl.tensor([0, 2], { requiresGrad: true });
    dl.pow(x, 0).sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 0]);
    const base = dl.tensor([0, -2], { requiresGrad: true });
    const e = dl.tensor([2, 2], { requiresGrad: true });
    dl.pow(base, e).sum().backward();
    expect(base.grad!.tolist()).toEqual([0, -4]);
    const ge = e.grad!.tolist() as number[];
    expect(ge[0]).toBe(0);
    expect(Number.isNaN(ge[1])).toBe(true);
  });
});

describe('remainder and fmod', () => {
  it('take the sign of the divisor and of the dividend', () => {
    expect(dl.remainder(dl.tensor([-7.5, 7.5]), 2).tolist()).toEqual([0.5, 1.5]);
    expect(dl.fmod(dl.tensor([-7.5, 7.5]), 2).tolist()).toEqual([-1.5, 1.5]);
    expect(dl.remainder(int([-7, 7]), int([2, -2])).tolist()).toEqual([1, -1]);
    expect(dl.fmod(int([-7, 7]), int([2, -2])).tolist()).toEqual([-1, 1]);
  });

  it('refuse integer division by zero', () => {
    expect(() => dl.remainder(int([1]), 0)).toThrow('remainder: ZeroDivisionError (integer division by zero in a divisor of shape [])');
    expect(() => dl.fmod(int([1]), int([0]))).toThrow(ValueError);
  });
});

describe('maximum and minimum', () => {
  it('propagate NaN', () => {
    const y = dl.maximum(dl.tensor([NaN, 1]), dl.tensor([0, NaN])).tolist() as number[];
    expect(y.every(Number.isNaN)).toBe(true);
    expect((dl.minimum(dl.tensor([NaN]), 0).tolist() as number[]).every(Number.isNaN)).toBe(true);
  });

  it('split the gradient on ties', () => {
    const a = dl.tensor([1, 2, 3], { requiresGrad: true });
    const b = dl.tensor([1, 1, 4], { requiresGrad: true });
    dl.maximum(a, b).sum().backward();
    expect(a.grad!.tolist()).toEqual([0.5, 1, 0]);
    expect(b.grad!.tolist()).toEqual([0.5, 0, 1]);
  });

  it('are logical or / and on bool', () => {
    const a = dl.tensor([true, false, false]);
    const b = dl.tensor([false, false, true]);
    expect(dl.maximum(a, b).tolist()).toEqual([true, false, true]);
    expect(dl.minimum(a, b).tolist()).toEqual([false, false, false]);
  });
});

describe('addcmul, addcdiv, lerp', () => {
  it('compute input + value * t1 * t2 and input + value * t1 / t2', () => {
    expect(dl.addcmul(dl.zeros([2]), dl.tensor([1, 2]), dl.tensor([3, 4]), { value: 0.5 }).tolist()).toEqual([1.5, 4]);
    expect(dl.addcdiv(dl.ones([2]), dl.tensor([1, 2]), dl.tensor([4, 4]), { value: 2 }).tolist()).toEqual([1.5, 2]);
    expect(dl.ones([2, 2]).addcmul(dl.tensor([1, 2]), dl.tensor([[1], [2]])).tolist()).toEqual([[2, 3], [3, 5]]);
  });

  it('refuse integer division in addcdiv, as PyTorch', () => {
    expect(() => dl.addcdiv(dl.ones([1]), int([1]), int([2]))).toThrow(DTypeError);
    expect(() => dl.addcdiv(dl.ones([1]), int([1]), int([2]))).toThrow(/addcdiv: integer division with addcdiv is not supported/);
  });

  it('lerp interpolates with a number or a tensor weight', () => {
    expect(dl.lerp(dl.tensor([1]), dl.tensor([3]), 0.75).tolist()).toEqual([2.5]);
    expect(dl.tensor([0, 0]).lerp(dl.tensor([10, 10]), dl.tensor([0.1, 0.9])).tolist()).toEqual([1, 9]);
  });

  it('lerp refuses integer tensors and names the bad argument', () => {
    expect(() => dl.lerp(int([1]), dl.tensor([2]), 0.5)).toThrow(DTypeError);
    expect(() => dl.lerp(dl.tensor([1]), int([2]), 0.5)).toThrow('lerp: expected end to be a float32 tensor, got dtype int32');
    expect(() => dl.lerp(dl.ones([2]), dl.ones([3]), 0.5)).toThrow(/lerp: shapes \[2\] and \[3\] cannot be broadcast/);
  });
});

describe('Tensor methods', () => {
  it('mirror the functions', () => {
    const a = dl.tensor([5, -3]);
    expect(a.sub(1).tolist()).toEqual([4, -4]);
    expect(a.div(2).tolist()).toEqual([2.5, -1.5]);
    expect(a.divide(2, { roundingMode: 'floor' }).tolist()).toEqual([2, -2]);
    expect(a.trueDivide(2).tolist()).toEqual([2.5, -1.5]);
    expect(a.floorDivide(2).tolist()).toEqual([2, -2]);
    expect(a.pow(2).tolist()).toEqual([25, 9]);
    expect(a.remainder(2).tolist()).toEqual([1, 1]);
    expect(a.fmod(2).tolist()).toEqual([1, -1]);
    expect(a.maximum(dl.zeros([2])).tolist()).toEqual([5, 0]);
    expect(a.minimum(dl.zeros([2])).tolist()).toEqual([0, -3]);
    expect(a.multiply(2).tolist()).toEqual([10, -6]);
    expect(a.addcdiv(dl.ones([2]), dl.tensor([2, 4])).tolist()).toEqual([5.5, -2.75]);
    expect(dl.multiply(a, -1).tolist()).toEqual([-5, 3]);
    expect(dl.subtract(a, 1).tolist()).toEqual([4, -4]);
  });
});

describe('castTo (type promotion helper)', () => {
  it('casts float and int tensors to bool as "nonzero" on every backend', async () => {
    const { castTo } = await import('../operands');
    const { tensor } = await import('../../index');
    expect(castTo(tensor([0, 1.5, -2, 0]), 'bool').tolist()).toEqual([false, true, true, false]);
    expect(castTo(tensor([0, 3], { dtype: 'int32' }), 'bool').tolist()).toEqual([false, true]);
  });
});
