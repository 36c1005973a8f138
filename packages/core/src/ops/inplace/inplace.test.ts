import { describe, expect, it } from 'vitest';
import { tf } from '../../backend/tfjs';
import { expectClose } from '../../../test/support/reference';
import * as dl from '../../index';
import { AutogradError, DTypeError, ShapeError, Tensor, ValueError } from '../../index';

describe('in-place arithmetic', () => {
  it('changes the tensor, returns it and bumps its version', () => {
    const x = dl.tensor([1, 2, 3]);
    const v = x._version;
    const r = x.add_(1);
    expect(r).toBe(x);
    expect(x.tolist()).toEqual([2, 3, 4]);
    expect(x._version).toBe(v + 1);
    x.sub_(dl.tensor([1, 1, 1]), { alpha: 2 }).mul_(3).div_(2);
    expect(x.tolist()).toEqual([0, 1.5, 3]);
    x.pow_(2);
    expect(x.tolist()).toEqual([0, 2.25, 9]);
    x.add_(dl.tensor([1, 1, 1]), { alpha: -1 });
    expect(x.tolist()).toEqual([-1, 1.25, 8]);
  });

  it('covers the remaining ops and their function forms', () => {
    expect(dl.tensor([5, -5]).remainder_(3).tolist()).toEqual([2, 1]);
    expect(dl.tensor([5, -5]).fmod_(3).tolist()).toEqual([2, -2]);
    expect(dl.tensor([7]).div_(2, { roundingMode: 'floor' }).tolist()).toEqual([3]);
    expect(dl.zeros([2]).addcmul_(dl.tensor([1, 2]), dl.tensor([3, 4]), { value: 0.5 }).tolist()).toEqual([1.5, 4]);
    expect(dl.ones([2]).addcdiv_(dl.tensor([1, 2]), dl.tensor([4, 4])).tolist()).toEqual([1.25, 1.5]);
    expect(dl.zeros([2]).lerp_(dl.tensor([10, 20]), 0.5).tolist()).toEqual([5, 10]);
    expect(dl.tensor([-2, 0.5, 3]).clamp_(-1, 1).tolist()).toEqual([-1, 0.5, 1]);
    expect(dl.tensor([-2, 3]).clip_({ min: 0 }).tolist()).toEqual([0, 3]);
    const y = dl.tensor([1, 2]);
    expect(dl.add_(y, 1)).toBe(y);
    expect(dl.mul_(y, 2).tolist()).toEqual([4, 6]);
    expect(dl.sub_(y, 1).tolist()).toEqual([3, 5]);
    expect(dl.div_(y, 2).tolist()).toEqual([1.5, 2.5]);
    expect(dl.pow_(y, 0).tolist()).toEqual([1, 1]);
    expect(dl.clamp_(y, 2).tolist()).toEqual([2, 2]);
    expect(dl.clip_(y, 0, 1).tolist()).toEqual([1, 1]);
    expect(dl.remainder_(dl.tensor([3]), 2).tolist()).toEqual([1]);
    expect(dl.fmod_(dl.tensor([-3]), 2).tolist()).toEqual([-1]);
    expect(dl.addcmul_(dl.zeros([1]), dl.ones([1]), dl.ones([1])).tolist()).toEqual([1]);
    expect(dl.addcdiv_(dl.zeros([1]), dl.ones([1]), dl.ones([1])).tolist()).toEqual([1]);
    expect(dl.lerp_(dl.zeros([1]), dl.ones([1]), 0.25).tolist()).toEqual([0.25]);
  });

  it('broadcasts the other operand to self', () => {
    expect(dl.zeros([2, 2]).add_(dl.tensor([1, 2])).tolist()).toEqual([[1, 2], [1, 2]]);
  });

  it("refuses a result that does not fit self's shape", () => {
    expect(() => dl.zeros([2]).add_(dl.ones([3, 2]))).toThrow(ShapeError);
    expect(() => dl.zeros([2]).add_(dl.ones([3, 2]))).toThrow("add_: output with shape [2] doesn't match the broadcast shape [3, 2]");
  });

  it("refuses a result that cannot be stored in self's dtype, allows promotions toward it", () => {
    const i = dl.tensor([1, 2], { dtype: 'int32' });
    expect(() => i.add_(1.5)).toThrow(DTypeError);
    expect(() => i.add_(1.5)).toThrow("add_: result type float32 can't be cast to the desired output type int32");
    expect(() => i.div_(2)).toThrow("div_: result type float32 can't be cast to the desired output type int32");
    expect(i.tolist()).toEqual([1, 2]);
    expect(i.add_(1).tolist()).toEqual([2, 3]);
    expect(i.div_(2, { roundingMode: 'floor' }).tolist()).toEqual([1, 1]);
    expect(dl.zeros([2]).add_(dl.tensor([1, 2], { dtype: 'int32' })).dtype).toBe('float32');
  });
});

describe('in-place ops and autograd', () => {
  it('refuse a leaf that requires grad while grad mode is on', () => {
    const w = dl.tensor([1, 2], { requiresGrad: true });
    expect(() => w.add_(1)).toThrow(AutogradError);
    expect(() => w.mul_(2)).toThrow('mul_: a leaf Variable that requires grad is being used in an in-place operation.');
    expect(() => w.zero_()).toThrow(AutogradError);
    expect(() => w.uniform_()).toThrow(AutogradError);
    expect(w.tolist()).toEqual([1, 2]);
  });

  it('allow it under noGrad, keeping the leaf a leaf (optimizer steps)', () => {
    const w = dl.tensor([1, 2], { requiresGrad: true });
    dl.noGrad(() => w.add_(dl.tensor([0.5, 0.5]), { alpha: -2 }));
    expect(w.tolist()).toEqual([0, 1]);
    expect(w.isLeaf).toBe(true);
    expect(w.requiresGrad).toBe(true);
    expect(w.gradFn).toBeNull();
  });

  it('move the history onto a non-leaf', () => {
    const x = dl.tensor([1, 2, 3], { requiresGrad: true });
    const h = x.mul(2);
    h.add_(1);
    expect(h.gradFn!.name).toBe('AddBackward');
    h.mul(h).sum().backward();
    // d/dx (2x + 1)^2 = 4 (2x + 1)
    expect(x.grad!.tolist()).toEqual([12, 20, 28]);
  });

  it('make a plain tensor part of the graph when the other operand requires grad', () => {
    const w = dl.tensor([3, 4], { requiresGrad: true });
    const buf = dl.tensor([1, 1]);
    buf.mul_(w);
    expect(buf.requiresGrad).toBe(true);
    expect(buf.isLeaf).toBe(false);
    buf.sum().backward();
    expect(w.grad!.tolist()).toEqual([1, 1]);
  });

  it('save the value from before the change for backward (PyTorch saves original self)', () => {
    const x = dl.tensor([1, 2], { requiresGrad: true });
    const w = dl.tensor([5, 7], { requiresGrad: true });
    const h = x.mul(1);
    h.mul_(w).sigmoid_();
    h.sum().backward();
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const ds = (v: number) => s(v) * (1 - s(v));
    expectClose(w.grad!, [1 * ds(5), 2 * ds(14)]);
    expectClose(x.grad!, [5 * ds(5), 7 * ds(14)]);
  });

  it('chain in-place ops where PyTorch allows it, with correct gradients', () => {
    const x = dl.tensor([0.5, -1.5], { requiresGrad: true });
    x.mul(1).add_(1).exp_().sum().backward();
    expectClose(x.grad!, [Math.exp(1.5), Math.exp(-0.5)]);
    const y = dl.tensor([0.5, 2], { requiresGrad: true });
    y.mul(1).log_().neg_().sum().backward();
    expectClose(y.grad!, [-2, -0.5]);
  });

  it('refuse, like PyTorch, to backward through a saved result changed by a later in-place op', () => {
    // torch: h.tanh_().exp_(); h.sum().backward() -> "output 0 of TanhBackward0, is at version 2; expected version 1"
    const x = dl.tensor([0.5, -1.5], { requiresGrad: true });
    const h = x.mul(1);
    h.tanh_().exp_();
    expect(() => h.sum().backward()).toThrow(AutogradError);
    expect(() => x.mul(1).tanh_().exp_().sum().backward()).toThrow('is at version 2; expected version 1 instead (in TanhBackward)');
  });

  it('are detected when a saved tensor was changed before backward', () => {
    const x = dl.tensor([1, 2], { requiresGrad: true });
    const h = x.mul(1);
    const y = h.mul(h);
    h.add_(1);
    expect(() => y.sum().backward()).toThrow(AutogradError);
    const z = x.mul(1).tanh_();
    z.mul_(2);
    expect(() => z.sum().backward()).toThrow(/modified by an inplace operation/);
  });

  it('pass gradients through gradcheck', () => {
    const a = () => dl.tensor([[-1.2, 0.4, 0.9], [0.3, -0.7, 1.6]], { requiresGrad: true });
    const b = () => dl.tensor([[0.8], [-1.1]], { requiresGrad: true });
    expect(dl.gradcheck((x, y) => x.mul(1).add_(y, { alpha: 0.5 }).mul_(y), [a(), b()])).toBe(true);
    expect(dl.gradcheck((x, y) => x.mul(1).sub_(y).div_(y).pow_(2), [a(), b()])).toBe(true);
    expect(dl.gradcheck((x, y) => x.mul(1).addcmul_(y, x, { value: 0.3 }).addcdiv_(x, y.exp()), [a(), b()])).toBe(true);
    expect(dl.gradcheck((x, y) => x.mul(1).lerp_(y, 0.3).clamp_(-1, 1), [a(), b()])).toBe(true);
    expect(dl.gradcheck((x) => x.mul(1).neg_().sigmoid_().mul(1).tanh_().mul(1).exp_(), [a()])).toBe(true);
    expect(dl.gradcheck((x) => x.add(3).sqrt_().log_().relu_(), [a()])).toBe(true);
    expect(dl.gradcheck((x, y) => dl.zeros([2, 3]).copy_(y).mul_(x), [a(), b()])).toBe(true);
  });
});

describe('unary in-place ops', () => {
  it('match the out-of-place ops', () => {
    const data = [0.3, 1.7, 2.2];
    const names = ['sqrt', 'exp', 'log', 'neg', 'abs', 'relu', 'sigmoid', 'tanh', 'square', 'reciprocal', 'floor', 'ceil', 'trunc', 'sign', 'rsqrt', 'sin', 'cos', 'round', 'leakyRelu', 'elu', 'hardtanh', 'nanToNum'];
    for (const n of names) {
      const x = dl.tensor(data);
      const expected = (x as unknown as Record<string, () => Tensor>)[n]().tolist();
      const r = (x as unknown as Record<string, () => Tensor>)[`${n}_`]();
      expect(r, n).toBe(x);
      expect(x.tolist(), n).toEqual(expected);
    }
    expect(dl.sqrt_(dl.tensor([4])).tolist()).toEqual([2]);
    expect(dl.relu_(dl.tensor([-1])).tolist()).toEqual([0]);
    expect(dl.round_(dl.tensor([1.26]), { decimals: 1 }).tolist()).toEqual([Math.fround(1.3)]);
    expect(dl.leakyRelu_(dl.tensor([-1]), { negativeSlope: 0.5 }).tolist()).toEqual([-0.5]);
  });

  it('refuse float results in integer tensors', () => {
    expect(() => dl.tensor([4], { dtype: 'int32' }).sqrt_()).toThrow("sqrt_: result type float32 can't be cast to the desired output type int32");
    expect(dl.tensor([-4], { dtype: 'int32' }).abs_().tolist()).toEqual([4]);
  });
});

describe('fill_, zero_, copy_', () => {
  it('fill with a number, a boolean or a 0-d tensor, cast to self', () => {
    expect(dl.ones([2]).zero_().tolist()).toEqual([0, 0]);
    expect(dl.zeros([2]).fill_(2.5).tolist()).toEqual([2.5, 2.5]);
    expect(dl.zeros([2], { dtype: 'int32' }).fill_(2.5).tolist()).toEqual([2, 2]);
    expect(dl.zeros([2], { dtype: 'bool' }).fill_(true).tolist()).toEqual([true, true]);
    expect(dl.zeros([2]).fill_(dl.tensor(4)).tolist()).toEqual([4, 4]);
    expect(dl.fill_(dl.zeros([1]), 3).tolist()).toEqual([3]);
    expect(dl.zero_(dl.ones([1])).tolist()).toEqual([0]);
  });

  it('send the summed gradient to a tensor fill value and none to the old values', () => {
    const v = dl.tensor(2, { requiresGrad: true });
    const x = dl.tensor([1, 2, 3], { requiresGrad: true });
    const h = x.mul(1);
    h.fill_(v);
    h.sum().backward();
    expect(v.grad!.item()).toBe(3);
    expect(x.grad).toBeNull();
  });

  it('refuse a fill tensor with dimensions and non-numeric values', () => {
    expect(() => dl.zeros([2]).fill_(dl.ones([2]))).toThrow(ShapeError);
    expect(() => dl.zeros([2]).fill_(dl.ones([2]))).toThrow('fill_: only supports 0-dimension value tensor but got tensor with 1 dimensions (shape [2])');
    expect(() => dl.zeros([2]).fill_('a' as unknown as number)).toThrow('fill_: value must be a number, a boolean or a 0-d Tensor, got string');
  });

  it('copy_ broadcasts and casts the source, and sends gradients to it', () => {
    expect(dl.zeros([2, 2]).copy_(dl.tensor([1, 2])).tolist()).toEqual([[1, 2], [1, 2]]);
    expect(dl.zeros([2], { dtype: 'int32' }).copy_(dl.tensor([1.9, -1.9])).tolist()).toEqual([1, -1]);
    expect(dl.zeros([2]).copy_(dl.tensor([true, false])).tolist()).toEqual([1, 0]);
    const src = dl.tensor([1, 2], { requiresGrad: true });
    const dst = dl.zeros([3, 2]);
    dst.copy_(src);
    dst.sum().backward();
    expect(src.grad!.tolist()).toEqual([3, 3]);
    expect(dl.copy_(dl.zeros([1]), dl.ones([1])).tolist()).toEqual([1]);
  });

  it('copy_ refuses a source that does not broadcast to self', () => {
    expect(() => dl.zeros([2]).copy_(dl.ones([2, 2]))).toThrow(ShapeError);
    expect(() => dl.zeros([2]).copy_(dl.ones([2, 2]))).toThrow("copy_: src of shape [2, 2] cannot be broadcast to self's shape [2]");
    expect(() => dl.zeros([2]).copy_(dl.ones([3]))).toThrow(/copy_: shapes \[2\] and \[3\] cannot be broadcast/);
  });
});

describe('random in-place fills', () => {
  it('match PyTorch after manual_seed(0)', () => {
    dl.manualSeed(0);
    expectClose(dl.empty(3).uniform_(-1, 1), [-0.0074868, 0.5364436, -0.8230451]);
    expectClose(dl.empty(3).normal_(1, 2), [1.7286764, 1.2687926, 1.3284324]);
    dl.manualSeed(0);
    expect(dl.empty(6).bernoulli_(0.5).tolist()).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it('use a given generator, keep the dtype and broadcast tensor probabilities', () => {
    const a = dl.zeros([4]).uniform_(0, 1, { generator: new dl.Generator(3) }).tolist();
    const b = dl.uniform_(dl.zeros([4]), 0, 1, { generator: new dl.Generator(3) }).tolist();
    expect(a).toEqual(b);
    expect(dl.normal_(dl.zeros([2]), 0, 0).tolist()).toEqual([0, 0]);
    const m = dl.zeros([2, 3], { dtype: 'bool' }).bernoulli_(dl.tensor([1, 0, 1]));
    expect(m.tolist()).toEqual([[true, false, true], [true, false, true]]);
    expect(dl.bernoulli_(dl.zeros([2], { dtype: 'int32' }), 1).tolist()).toEqual([1, 1]);
  });

  it('cut gradients to the old values of a non-leaf', () => {
    const x = dl.tensor([1, 2], { requiresGrad: true });
    const h = x.mul(3);
    h.normal_();
    expect(h.requiresGrad).toBe(true);
    h.sum().backward();
    expect(x.grad).toBeNull();
  });

  it('refuse bad arguments', () => {
    expect(() => dl.zeros([2], { dtype: 'int32' }).uniform_()).toThrow(DTypeError);
    expect(() => dl.zeros([2], { dtype: 'int32' }).normal_()).toThrow('normal_: expected a floating point dtype, got int32');
    expect(() => dl.zeros([2]).uniform_(1, 0)).toThrow(ValueError);
    expect(() => dl.zeros([2]).uniform_(1, 0)).toThrow('uniform_: expects to return a [from, to) range, but found from=1 > to=0');
    expect(() => dl.zeros([2]).normal_(0, -1)).toThrow('normal_: expects std >= 0.0, but found std -1');
    expect(() => dl.zeros([2]).bernoulli_(2)).toThrow('bernoulli_: expected 0 <= p <= 1, but got p=2');
    expect(() => dl.zeros([2]).bernoulli_(dl.tensor([0.5, 1.5]))).toThrow('bernoulli_: expected 0 <= p <= 1 for every probability, got 1.5');
    expect(() => dl.zeros([2]).bernoulli_(dl.ones([3]))).toThrow(ShapeError);
    expect(() => dl.zeros([2]).bernoulli_(dl.ones([2, 2]))).toThrow("bernoulli_: p of shape [2, 2] cannot be broadcast to self's shape [2]");
  });
});

describe('memory', () => {
  it('keeps the tfjs tensor count flat over an optimizer-like loop', () => {
    const p = dl.keep(dl.randn([64], { requiresGrad: true }));
    const buf = dl.keep(dl.zeros([64]));
    const g = dl.keep(dl.randn([64]));
    const step = () =>
      dl.scope(() =>
        dl.noGrad(() => {
          buf.mul_(0.9).add_(g);
          p.add_(buf, { alpha: -0.01 });
          p.clamp_(-10, 10);
        }),
      );
    for (let i = 0; i < 5; i++) step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) step();
    expect(tf.memory().numTensors).toBe(before);
  });
});
