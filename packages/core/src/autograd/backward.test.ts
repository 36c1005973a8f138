import { describe, expect, it } from 'vitest';
import { AutogradError, DTypeError, ShapeError, Tensor, add, grad, matmul, mul, noGrad, tensor } from '../index';

describe('autograd core', () => {
  it('accumulates gradients through a small graph', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const w = tensor([[1], [2]], { requiresGrad: true });
    const y = matmul(mul(x, x), w);
    y.backward(tensor([[1], [1]]));
    expect(x.grad!.tolist()).toEqual([[2, 8], [6, 16]]);
    expect(w.grad!.tolist()).toEqual([[10], [20]]);
    expect(y.gradFn!.name).toBe('MatMulBackward');
  });

  it('reduces broadcast gradients to the input shape', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const b = tensor([10, 20, 30], { requiresGrad: true });
    add(a, b).backward(tensor([[1, 1, 1], [1, 1, 1]]));
    expect(b.grad!.tolist()).toEqual([2, 2, 2]);
  });

  it('accumulates across two backward calls', () => {
    const x = tensor([3], { requiresGrad: true });
    mul(x, x).backward(tensor([1]));
    mul(x, x).backward(tensor([1]));
    expect(x.grad!.tolist()).toEqual([12]);
  });

  it('refuses a second backward through freed saved tensors', () => {
    const x = tensor([3], { requiresGrad: true });
    const y = mul(x, x);
    y.backward(tensor([1]));
    expect(() => y.backward(tensor([1]))).toThrow(AutogradError);
    expect(() => y.backward(tensor([1]))).toThrow(/backward through the graph a second time/);
  });

  it('allows a second backward with retainGraph', () => {
    const x = tensor([3], { requiresGrad: true });
    const y = mul(x, x);
    y.backward(tensor([1]), { retainGraph: true });
    y.backward(tensor([1]));
    expect(x.grad!.item()).toBe(12);
  });

  it('needs a gradient for non-scalar outputs', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => mul(x, 2).backward()).toThrow(/grad can be implicitly created only for scalar outputs/);
  });

  it('refuses requiresGrad on integer tensors', () => {
    expect(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).toThrow(DTypeError);
  });

  it('names the op and both shapes on a broadcast mismatch', () => {
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(/add: shapes \[1, 3\] and \[2\]/);
  });

  it('records nothing under noGrad', () => {
    const x = tensor([1], { requiresGrad: true });
    const y = noGrad(() => mul(x, 2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
  });

  it('computes gradients without touching .grad (autograd.grad)', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const [g] = grad([mul(x, x)], [x], [tensor([1, 1, 1])]);
    expect(g!.tolist()).toEqual([2, 4, 6]);
    expect(x.grad).toBeNull();
    expect(g).toBeInstanceOf(Tensor);
  });

  it('detects in-place changes to saved tensors', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = mul(x, 1);
    const y = mul(h, h);
    h._replaceValue(h._value.clone());
    expect(() => y.backward(tensor([1, 1]))).toThrow(/modified by an inplace operation/);
  });
});
