// Every public op checks its arguments and throws @dl's typed errors, naming the op, the
// argument, what it accepts and what it got (the issue "user errors look like tfjs's").
import { describe, expect, it } from 'vitest';
import * as dl from '../index';
import { ArgumentTypeError, DLError, DTypeError, IndexError, ShapeError, type Tensor, ValueError } from '../index';
import { throwsExactly } from '../../test/support/throws-exactly';


// Wrong values typed as the parameter they are passed for (what a JavaScript caller can do).
const bad = <T>(v: unknown) => v as T;
const x = () => dl.tensor([[1, 2], [3, 4]]);
const operandMessage = (op: string, what: string, got: string) => `${op}: expected ${what} to be a Tensor, a number or a boolean, got ${got}`;
const ARRAY = 'an array [1, 2] (wrap arrays with dl.tensor())';

describe("the issue's examples", () => {
  it("t.matmul('hello') names matmul, the argument and the value", () => {
    throwsExactly(() => x().matmul(bad<Tensor>('hello')), ArgumentTypeError, "matmul: expected other to be a Tensor, got string 'hello'");
  });

  it('t.add([1, 2]) refuses the JavaScript array (as PyTorch refuses a list) with a typed error', () => {
    throwsExactly(() => dl.tensor([1, 2]).add(bad<number>([1, 2])), ArgumentTypeError, operandMessage('add', 'other', ARRAY));
    // The supported spelling works.
    expect(dl.tensor([1, 2]).add(dl.tensor([1, 2])).tolist()).toEqual([2, 4]);
  });

  it("dl.add('a', 1) throws instead of returning tensor(nan)", () => {
    throwsExactly(() => dl.add(bad<number>('a'), 1), ArgumentTypeError, operandMessage('add', 'input', "string 'a'"));
  });

  it("{ dtype: 'float64' } throws a DTypeError instead of silently becoming float32", () => {
    const msg = (op: string) => `${op}: dtype 'float64' is not supported: TensorFlow.js has no float64, and float32 is the widest float dtype (use 'float32')`;
    throwsExactly(() => dl.tensor([1, 2], { dtype: bad<'float32'>('float64') }), DTypeError, msg('tensor'));
    throwsExactly(() => dl.zeros([2], { dtype: bad<'float32'>('float64') }), DTypeError, msg('zeros'));
    throwsExactly(() => dl.ones([2]).to(bad<'float32'>('float64')), DTypeError, msg('to'));
    throwsExactly(() => dl.ones([2]).type(bad<'float32'>('float64')), DTypeError, msg('to'));
  });

  it('ArgumentTypeError is a ValueError (and a DLError), exported with the other errors', () => {
    const e = new ArgumentTypeError('m');
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toBeInstanceOf(DLError);
    expect(e.name).toBe('ArgumentTypeError');
  });
});

describe('operands of the binary arithmetic and comparison ops', () => {
  // [name, function form, method form]; every one takes a Tensor, a number or a boolean.
  const ops: [string, (a: unknown, b: unknown) => unknown, (t: Tensor, b: unknown) => unknown][] = [
    ['add', (a, b) => dl.add(bad(a), bad(b)), (t, b) => t.add(bad(b))],
    ['sub', (a, b) => dl.sub(bad(a), bad(b)), (t, b) => t.sub(bad(b))],
    ['sub', (a, b) => dl.subtract(bad(a), bad(b)), (t, b) => t.subtract(bad(b))],
    ['mul', (a, b) => dl.mul(bad(a), bad(b)), (t, b) => t.mul(bad(b))],
    ['mul', (a, b) => dl.multiply(bad(a), bad(b)), (t, b) => t.multiply(bad(b))],
    ['div', (a, b) => dl.div(bad(a), bad(b)), (t, b) => t.div(bad(b))],
    ['div', (a, b) => dl.divide(bad(a), bad(b)), (t, b) => t.divide(bad(b))],
    ['div', (a, b) => dl.trueDivide(bad(a), bad(b)), (t, b) => t.trueDivide(bad(b))],
    ['div', (a, b) => dl.floorDivide(bad(a), bad(b)), (t, b) => t.floorDivide(bad(b))],
    ['remainder', (a, b) => dl.remainder(bad(a), bad(b)), (t, b) => t.remainder(bad(b))],
    ['fmod', (a, b) => dl.fmod(bad(a), bad(b)), (t, b) => t.fmod(bad(b))],
    ['maximum', (a, b) => dl.maximum(bad(a), bad(b)), (t, b) => t.maximum(bad(b))],
    ['minimum', (a, b) => dl.minimum(bad(a), bad(b)), (t, b) => t.minimum(bad(b))],
    ['atan2', (a, b) => dl.atan2(bad(a), bad(b)), (t, b) => t.atan2(bad(b))],
    ['eq', (a, b) => dl.eq(bad(a), bad(b)), (t, b) => t.eq(bad(b))],
    ['ne', (a, b) => dl.ne(bad(a), bad(b)), (t, b) => t.ne(bad(b))],
    ['ne', (a, b) => dl.notEqual(bad(a), bad(b)), (t, b) => t.notEqual(bad(b))],
    ['lt', (a, b) => dl.lt(bad(a), bad(b)), (t, b) => t.lt(bad(b))],
    ['lt', (a, b) => dl.less(bad(a), bad(b)), (t, b) => t.less(bad(b))],
    ['le', (a, b) => dl.le(bad(a), bad(b)), (t, b) => t.le(bad(b))],
    ['gt', (a, b) => dl.gt(bad(a), bad(b)), (t, b) => t.gt(bad(b))],
    ['ge', (a, b) => dl.ge(bad(a), bad(b)), (t, b) => t.ge(bad(b))],
    ['logicalAnd', (a, b) => dl.logicalAnd(bad(a), bad(b)), (t, b) => t.logicalAnd(bad(b))],
    ['logicalOr', (a, b) => dl.logicalOr(bad(a), bad(b)), (t, b) => t.logicalOr(bad(b))],
    ['logicalXor', (a, b) => dl.logicalXor(bad(a), bad(b)), (t, b) => t.logicalXor(bad(b))],
    ['isclose', (a, b) => dl.isclose(bad(a), bad(b)), (t, b) => t.isclose(bad(b))],
    ['isclose', (a, b) => dl.allclose(bad(a), bad(b)), (t, b) => t.allclose(bad(b))],
  ];
  const wrong: [unknown, string][] = [
    ['a', "string 'a'"],
    [[1, 2], ARRAY],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ v: 1 }, 'an object'],
    [new Float32Array(2), 'a Float32Array'],
  ];

  for (const [op, fn, method] of ops) {
    it(`${op}: function and method forms name the bad operand`, () => {
      for (const [v, got] of wrong) {
        throwsExactly(() => method(x(), v), ArgumentTypeError, operandMessage(op, 'other', got));
        throwsExactly(() => fn(x(), v), ArgumentTypeError, operandMessage(op, 'other', got));
        throwsExactly(() => fn(v, x()), ArgumentTypeError, operandMessage(op, 'input', got));
        throwsExactly(() => fn(v, 1), ArgumentTypeError, operandMessage(op, 'input', got));
      }
    });
  }

  it('pow calls its second operand exponent', () => {
    throwsExactly(() => x().pow(bad<number>('2')), ArgumentTypeError, operandMessage('pow', 'exponent', "string '2'"));
    throwsExactly(() => dl.pow(bad<number>([2]), x()), ArgumentTypeError, operandMessage('pow', 'input', 'an array [2] (wrap arrays with dl.tensor())'));
  });

  it('rsub, where and the in-place forms check their operands too', () => {
    throwsExactly(() => dl.rsub(x(), bad<number>('a')), ArgumentTypeError, operandMessage('rsub', 'other', "string 'a'"));
    throwsExactly(() => dl.where(x().gt(2), bad<number>([1, 2]), 0), ArgumentTypeError, operandMessage('where', 'input', ARRAY));
    throwsExactly(() => dl.where(bad<Tensor>([true]), x(), 0), ArgumentTypeError, "where: expected condition to be a Tensor, got an array [true] (wrap arrays with dl.tensor())");
    throwsExactly(() => x().add_(bad<number>('a')), ArgumentTypeError, operandMessage('add', 'other', "string 'a'"));
    throwsExactly(() => x().mul_(bad<number>([1, 2])), ArgumentTypeError, operandMessage('mul', 'other', ARRAY));
    throwsExactly(() => dl.add(x(), 1, { alpha: bad<number>('2') }), ArgumentTypeError, "add: alpha must be a number, got string '2'");
    throwsExactly(() => dl.lerp(x(), x(), bad<number>('0.5')), ArgumentTypeError, "lerp: expected weight to be a number, got string '0.5'");
  });

  it('numbers, booleans and tensors still work on either side', () => {
    expect(dl.tensor([1, 2]).add(true).tolist()).toEqual([2, 3]);
    expect(dl.add(10, dl.tensor([1, 2])).tolist()).toEqual([11, 12]);
    expect(dl.add(1, 2).item()).toBe(3);
    expect(dl.tensor([1, 2]).gt(1.5).tolist()).toEqual([false, true]);
    expect(dl.tensor([1, 2]).add(NaN).tolist()).toEqual([NaN, NaN]);
  });

  it('an integer too large for an int32 operand throws instead of wrapping', () => {
    const i = () => dl.tensor([1, 2], { dtype: 'int32' });
    const range = '(int64 is stored as int32; the range is [-2147483648, 2147483647])';
    throwsExactly(() => i().add(2 ** 40), ValueError, `add: value 1099511627776 is out of range for dtype int32 ${range}`);
    throwsExactly(() => dl.mul(-(2 ** 31) - 1, i()), ValueError, `mul: value -2147483649 is out of range for dtype int32 ${range}`);
    throwsExactly(() => dl.add(3e9, 1), ValueError, `add: value 3000000000 is out of range for dtype int32 ${range}`);
    // A float tensor takes large numbers as float32, as PyTorch does.
    expect(dl.tensor([0]).add(2 ** 40).item()).toBe(2 ** 40);
    expect(i().add(2147483645).tolist()).toEqual([2147483646, 2147483647]);
  });
});

describe('matmul, mm, bmm, mv, dot, outer', () => {
  const m = () => dl.ones([2, 2]);
  it('name the op, the argument and the value in both forms', () => {
    throwsExactly(() => dl.matmul(bad<Tensor>('hello'), m()), ArgumentTypeError, "matmul: expected input to be a Tensor, got string 'hello'");
    throwsExactly(() => dl.matmul(m(), bad<Tensor>([[1, 2]])), ArgumentTypeError, 'matmul: expected other to be a Tensor, got an array [[1, 2]] (wrap arrays with dl.tensor())');
    throwsExactly(() => m().matmul(bad<Tensor>(2)), ArgumentTypeError, 'matmul: expected other to be a Tensor, got number 2');
    throwsExactly(() => m().mm(bad<Tensor>(undefined)), ArgumentTypeError, 'mm: expected mat2 to be a Tensor, got undefined');
    throwsExactly(() => dl.mm(bad<Tensor>(null), m()), ArgumentTypeError, 'mm: expected input to be a Tensor, got null');
    throwsExactly(() => dl.ones([1, 2, 2]).bmm(bad<Tensor>('x')), ArgumentTypeError, "bmm: expected mat2 to be a Tensor, got string 'x'");
    throwsExactly(() => m().mv(bad<Tensor>([1, 2])), ArgumentTypeError, `mv: expected vec to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.ones([2]).dot(bad<Tensor>([1, 2])), ArgumentTypeError, `dot: expected other to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.outer(bad<Tensor>([1, 2]), dl.ones([2])), ArgumentTypeError, `outer: expected input to be a Tensor, got ${ARRAY}`);
  });

  it('keep their shape errors', () => {
    throwsExactly(() => dl.ones([2, 3]).matmul(dl.ones([2, 3])), ShapeError, 'matmul: shapes [2, 3] and [2, 3] cannot be multiplied (3 vs 2 in the contracted dimension)');
  });
});

describe('dim arguments of the reductions', () => {
  const range = (op: string, got: string) => `${op}: dimension out of range (expected to be in range of [-2, 1], but got ${got})`;

  it('an out-of-range or fractional dim is an IndexError, as in PyTorch', () => {
    throwsExactly(() => x().sum(5), IndexError, range('sum', '5'));
    throwsExactly(() => x().sum(-3), IndexError, range('sum', '-3'));
    throwsExactly(() => x().sum(0.5), IndexError, range('sum', '0.5'));
    throwsExactly(() => x().mean({ dim: 2 }), IndexError, range('mean', '2'));
    throwsExactly(() => x().prod(2), IndexError, range('prod', '2'));
    throwsExactly(() => x().amax([0, 5]), IndexError, range('amax', '5'));
    throwsExactly(() => x().max(2), IndexError, range('max', '2'));
    throwsExactly(() => x().min({ dim: -3 }), IndexError, range('min', '-3'));
    throwsExactly(() => x().argmax(2), IndexError, range('argmax', '2'));
    throwsExactly(() => x().var(2), IndexError, range('var', '2'));
    throwsExactly(() => x().std(1.5), IndexError, range('std', '1.5'));
    throwsExactly(() => x().logsumexp(2), IndexError, range('logsumexp', '2'));
    throwsExactly(() => x().all(2), IndexError, range('all', '2'));
    throwsExactly(() => x().cumsum(2), IndexError, range('cumsum', '2'));
    throwsExactly(() => x().median(2), IndexError, range('median', '2'));
    throwsExactly(() => dl.softmax(x(), 2), IndexError, range('softmax', '2'));
    throwsExactly(() => x().size(2), IndexError, range('size', '2'));
  });

  it('a dim that is not a number is an ArgumentTypeError', () => {
    throwsExactly(() => x().sum(bad<number>('a')), ArgumentTypeError, "sum: expected dim to be an integer, an array of integers or an options object, got string 'a'");
    throwsExactly(() => x().sum([0, bad<number>('1')]), ArgumentTypeError, "sum: expected dim to be an integer, got string '1'");
    throwsExactly(() => x().mean({ dim: bad<number>('a') }), ArgumentTypeError, "mean: expected dim to be an integer or an array of integers, got string 'a'");
    throwsExactly(() => x().prod(bad<number>('a')), ArgumentTypeError, "prod: expected dim to be an integer or an options object, got string 'a'");
    throwsExactly(() => x().argmax(bad<number>([0])), ArgumentTypeError, 'argmax: expected dim to be an integer or an options object, got an array [0]');
    throwsExactly(() => x().max(bad<number>('0')), ArgumentTypeError, "max: expected a dim, an options object { dim, keepdim } or a Tensor, got string '0'");
    throwsExactly(() => x().cumsum(bad<number>(null)), ArgumentTypeError, 'cumsum: expected dim to be an integer, got null');
  });

  it('a reduction of something that is not a tensor says so', () => {
    throwsExactly(() => dl.sum(bad<Tensor>([1, 2])), ArgumentTypeError, `sum: expected input to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.mean(bad<Tensor>(3)), ArgumentTypeError, 'mean: expected input to be a Tensor, got number 3');
    throwsExactly(() => dl.max(bad<Tensor>('a')), ArgumentTypeError, "max: expected input to be a Tensor, got string 'a'");
    throwsExactly(() => dl.argmin(bad<Tensor>(null)), ArgumentTypeError, 'argmin: expected input to be a Tensor, got null');
    throwsExactly(() => dl.var(bad<Tensor>(undefined)), ArgumentTypeError, 'var: expected input to be a Tensor, got undefined');
    throwsExactly(() => dl.norm(bad<Tensor>({})), ArgumentTypeError, 'norm: expected input to be a Tensor, got an object');
  });

  it('unsupported dtype options are refused, not passed to TensorFlow.js', () => {
    throwsExactly(
      () => x().sum({ dtype: bad<'float32'>('float64') }),
      DTypeError,
      "sum: dtype 'float64' is not supported: TensorFlow.js has no float64, and float32 is the widest float dtype (use 'float32')",
    );
    expect(x().sum({ dtype: bad<'int32'>('int64') }).dtype).toBe('int32');
  });
});

describe('shape arguments of reshape, view, expand, permute and the other shape ops', () => {
  it('refuse fractional sizes and negative sizes other than -1', () => {
    const inferred = '(expected non-negative integers, or -1 for one inferred dimension)';
    throwsExactly(() => x().reshape(1.5, -1), ShapeError, `reshape: invalid shape dimension 1.5 in shape [1.5, -1] ${inferred}`);
    throwsExactly(() => x().reshape([-2, -2]), ShapeError, `reshape: invalid shape dimension -2 in shape [-2, -2] ${inferred}`);
    throwsExactly(() => x().view(2, -3), ShapeError, `view: invalid shape dimension -3 in shape [2, -3] ${inferred}`);
    throwsExactly(() => x().reshape(-1, -1), ShapeError, 'reshape: only one dimension can be inferred (got shape [-1, -1])');
    const keep = '(expected non-negative integers, or -1 to keep a size)';
    throwsExactly(() => dl.ones([2, 1]).expand(2, 1.5), ShapeError, `expand: invalid size 1.5 in sizes [2, 1.5] ${keep}`);
    throwsExactly(() => dl.ones([2, 1]).expand([2, -2]), ShapeError, `expand: invalid size -2 in sizes [2, -2] ${keep}`);
    throwsExactly(() => dl.ones([2, 1]).broadcastTo([2, 0.5]), ShapeError, `broadcastTo: invalid size 0.5 in sizes [2, 0.5] ${keep}`);
    throwsExactly(() => x().repeat(1, 1.5), ShapeError, 'repeat: repeats must be non-negative integers (got [1, 1.5])');
  });

  it('refuse permutation dims that are fractional, out of range or repeated', () => {
    throwsExactly(() => x().permute(0.5, 1), IndexError, 'permute: dimension out of range (expected to be in range of [-2, 1], but got 0.5)');
    throwsExactly(() => x().permute(5, 1), IndexError, 'permute: dimension out of range (expected to be in range of [-2, 1], but got 5)');
    throwsExactly(() => x().permute([0, 0]), ValueError, 'permute: repeated dim 0 in dims [0, 0]');
    throwsExactly(() => x().permute(0), ShapeError, "permute: number of dims don't match (got 1 dims [0] for a tensor of shape [2, 2])");
  });

  it('name non-numbers in a shape with an ArgumentTypeError', () => {
    throwsExactly(() => x().reshape(bad<number>('a')), ArgumentTypeError, `reshape: expected shape to be an array of integers, got string 'a' at position 0 of an array ["a"]`);
    throwsExactly(() => dl.reshape(x(), bad<number[]>('abc')), ArgumentTypeError, "reshape: expected shape to be an array of integers, got string 'abc'");
    throwsExactly(() => dl.view(x(), bad<number[]>(4)), ArgumentTypeError, 'view: expected shape to be an array of integers, got number 4');
    throwsExactly(() => x().expand(bad<number>(null), 2), ArgumentTypeError, 'expand: expected sizes to be an array of integers, got null at position 0 of an array [null, 2]');
    throwsExactly(() => x().permute(bad<number>('1'), 0), ArgumentTypeError, `permute: expected dims to be an array of integers, got string '1' at position 0 of an array ["1", 0]`);
    throwsExactly(() => x().flip(bad<number>('0')), ArgumentTypeError, `flip: expected dims to be an array of integers, got string '0' at position 0 of an array ["0"]`);
    throwsExactly(() => dl.squeeze(x(), bad<number>('0')), ArgumentTypeError, "squeeze: expected dim to be an integer or an array of integers, got string '0'");
    throwsExactly(() => x().transpose(0, bad<number>('1')), ArgumentTypeError, "transpose: expected dim to be an integer, got string '1'");
    throwsExactly(() => x().unsqueeze(bad<number>(undefined)), ArgumentTypeError, 'unsqueeze: expected dim to be an integer, got undefined');
    throwsExactly(() => x().split(bad<number>('1')), ArgumentTypeError, "split: expected splitSizeOrSections to be an array of integers, got string '1'");
  });

  it('name the op when the input is not a tensor', () => {
    for (const [op, fn] of [
      ['reshape', () => dl.reshape(bad<Tensor>([1, 2]), [2])],
      ['view', () => dl.view(bad<Tensor>([1, 2]), [2])],
      ['expand', () => dl.expand(bad<Tensor>([1, 2]), [2])],
      ['permute', () => dl.permute(bad<Tensor>([1, 2]), [0])],
      ['transpose', () => dl.transpose(bad<Tensor>([1, 2]), 0, 0)],
      ['flatten', () => dl.flatten(bad<Tensor>([1, 2]))],
      ['unsqueeze', () => dl.unsqueeze(bad<Tensor>([1, 2]), 0)],
      ['select', () => dl.select(bad<Tensor>([1, 2]), 0, 0)],
      ['contiguous', () => dl.contiguous(bad<Tensor>([1, 2]))],
    ] as const) {
      throwsExactly(fn, ArgumentTypeError, `${op}: expected input to be a Tensor, got ${ARRAY}`);
    }
    throwsExactly(() => dl.reshapeAs(x(), bad<Tensor>([2, 2])), ArgumentTypeError, 'reshapeAs: expected other to be a Tensor, got an array [2, 2] (wrap arrays with dl.tensor())');
    throwsExactly(() => dl.cat([x(), bad<Tensor>([1, 2])]), ArgumentTypeError, `cat: expected tensors[1] to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.stack(bad<Tensor[]>(x())), ArgumentTypeError, 'stack: expected tensors to be an array of Tensors, got a Tensor of dtype float32 and shape [2, 2]');
    throwsExactly(() => dl.hstack(bad<Tensor[]>('ab')), ArgumentTypeError, "hstack: expected tensors to be an array of Tensors, got string 'ab'");
  });
});

describe('creation ops', () => {
  it('dl.tensor refuses strings, objects and ragged arrays', () => {
    throwsExactly(
      () => dl.tensor(bad<number>('abc')),
      ArgumentTypeError,
      "tensor: expected data to be a number, a boolean, (nested) arrays of them or a typed array, got string 'abc'",
    );
    throwsExactly(() => dl.tensor(bad<number>({ a: 1 })), ArgumentTypeError, 'tensor: expected data to be a number, a boolean, (nested) arrays of them or a typed array, got an object');
    throwsExactly(() => dl.tensor(bad<number[]>([1, 'a'])), ArgumentTypeError, "tensor: expected a number or boolean at depth 1, got string 'a'");
    throwsExactly(() => dl.tensor([[1, 2], [3]]), ValueError, 'tensor: expected a sequence of length 2 at dim 1 (got 1)');
    throwsExactly(() => dl.tensor(bad<number[][]>([[1], 2])), ValueError, 'tensor: expected a sequence of length 1 at dim 1 (got number)');
    throwsExactly(() => dl.tensor(bad<number[]>([1, [2]])), ValueError, 'tensor: expected a number or boolean at depth 1, got an array (the nested arrays are ragged)');
    throwsExactly(() => dl.tensor([1], bad<{ dtype: 'int32' }>('int32')), ArgumentTypeError, "tensor: expected options to be an object such as { dtype: 'int64' }, got string 'int32'");
  });

  it('sizes must be non-negative integers', () => {
    throwsExactly(() => dl.zeros([-1]), ValueError, 'zeros: trying to create tensor with negative dimension -1: [-1]');
    throwsExactly(() => dl.ones(2, -3), ValueError, 'ones: trying to create tensor with negative dimension -3: [2, -3]');
    throwsExactly(() => dl.zeros([2.5]), ArgumentTypeError, 'zeros: size must be an array of non-negative integers, got [2.5]');
    throwsExactly(() => dl.rand([2, 0.5]), ArgumentTypeError, 'rand: size must be an array of non-negative integers, got [2, 0.5]');
    throwsExactly(() => dl.full(bad<number[]>('3'), 1), ArgumentTypeError, "full: size must be an array of non-negative integers, got string '3'");
    throwsExactly(() => dl.empty([bad<number>('2')]), ArgumentTypeError, "zeros: size must be an array of non-negative integers, got [2] (string '2' at position 0)");
    throwsExactly(() => dl.full([2], bad<number>('x')), ArgumentTypeError, "full: fillValue must be a number or a boolean, got string 'x'");
    throwsExactly(() => dl.arange(bad<number>('5')), ArgumentTypeError, "arange: start, end and step must be numbers, got string '5'");
    throwsExactly(() => dl.eye(bad<number>('2')), ArgumentTypeError, "eye: expected n to be a number, got string '2'");
    throwsExactly(() => dl.randperm(bad<number>([3])), ArgumentTypeError, 'randperm: expected n to be a number, got an array [3]');
    throwsExactly(() => dl.linspace(0, bad<number>('1'), 3), ArgumentTypeError, "linspace: start and end must be numbers, got number 0 and string '1'");
  });

  it('the *Like ops and normal check their tensor arguments', () => {
    throwsExactly(() => dl.zerosLike(bad<Tensor>([1, 2])), ArgumentTypeError, `zerosLike: expected input to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.normal(bad<number>('0'), 1, [2]), ArgumentTypeError, "normal: mean must be a number or a Tensor, got string '0'");
  });
});

describe('indexing ops', () => {
  const i = () => dl.tensor([0, 1], { dtype: 'int64' });
  it('check index tensors, index items and masks', () => {
    throwsExactly(() => dl.gather(x(), 0, bad<Tensor>([[0]])), ArgumentTypeError, 'gather: expected index to be a Tensor, got an array [[0]] (wrap arrays with dl.tensor())');
    throwsExactly(() => x().indexSelect(0, bad<Tensor>(0)), ArgumentTypeError, 'indexSelect: expected index to be a Tensor, got number 0');
    throwsExactly(() => dl.indexSelect(bad<Tensor>('x'), 0, i()), ArgumentTypeError, "indexSelect: expected input to be a Tensor, got string 'x'");
    throwsExactly(() => x().scatter(0, i().reshape(1, 2), bad<number>('1')), ArgumentTypeError, "scatter: expected src to be a number, got string '1'");
    throwsExactly(() => x().maskedFill(bad<Tensor>([true, false]), 0), ArgumentTypeError, 'maskedFill: expected mask to be a Tensor, got an array [true, false] (wrap arrays with dl.tensor())');
    throwsExactly(() => x().maskedFill(x().gt(1), bad<number>('0')), ArgumentTypeError, "maskedFill: expected value to be a number, got string '0'");
    throwsExactly(
      () => x().index(bad<number>('abc')),
      ArgumentTypeError,
      "index: expected each index to be an integer, a slice(), null, '...', an int32 or bool Tensor or an array of integers, got string 'abc'",
    );
    throwsExactly(() => x().index(bad<number[]>([0.5])), ArgumentTypeError, 'index: an array index must hold integers, got number 0.5 in an array [0.5]');
    throwsExactly(() => x().index(5), IndexError, 'index: index 5 is out of bounds for dimension 0 with size 2');
    // Valid array indices still work.
    expect(x().index([1, 0]).tolist()).toEqual([[3, 4], [1, 2]]);
  });
});

describe('options passed where a positional argument was meant', () => {
  // PyTorch code such as F.leaky_relu(x, 0.2) or x.sort(0) would otherwise be silently ignored.
  it('throw instead of using the defaults', () => {
    throwsExactly(() => dl.leakyRelu(x(), bad<object>(0.2)), ArgumentTypeError, 'leakyRelu: expected options to be an object such as { negativeSlope: 0.2 }, got number 0.2');
    throwsExactly(() => x().elu(bad<object>(1)), ArgumentTypeError, 'elu: expected options to be an object such as { alpha: 1 }, got number 1');
    throwsExactly(() => x().sort(bad<object>(0)), ArgumentTypeError, 'sort: expected options to be an object such as { dim: 0, descending: true }, got number 0');
    throwsExactly(() => x().topk(1, bad<object>(0)), ArgumentTypeError, 'topk: expected options to be an object such as { dim: 0, largest: false }, got number 0');
    throwsExactly(() => x().round(bad<object>(2)), ArgumentTypeError, 'round: expected options to be an object such as { decimals: 2 }, got number 2');
    throwsExactly(() => x().to('int32', bad<object>(true)), ArgumentTypeError, 'to: expected options to be an object such as { copy: true }, got boolean true');
    throwsExactly(() => x().uniform_(bad<number>('0'), 1), ArgumentTypeError, "uniform_: expected from to be a number, got string '0'");
    throwsExactly(() => x().requiresGrad_(bad<boolean>('yes')), ArgumentTypeError, "requiresGrad_: expected requiresGrad to be a boolean, got string 'yes'");
  });
});

describe('functional ops and losses', () => {
  it('check every tensor argument', () => {
    throwsExactly(() => dl.relu(bad<Tensor>([1, 2])), ArgumentTypeError, `relu: expected input to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.softmax(bad<Tensor>(null), 0), ArgumentTypeError, 'softmax: expected input to be a Tensor, got null');
    throwsExactly(() => dl.linear(x(), bad<Tensor>([[1, 2]])), ArgumentTypeError, 'linear: expected weight to be a Tensor, got an array [[1, 2]] (wrap arrays with dl.tensor())');
    throwsExactly(() => dl.linear(x(), x(), bad<Tensor>([1, 2])), ArgumentTypeError, `linear: expected bias to be a Tensor, null or undefined, got ${ARRAY}`);
    throwsExactly(() => dl.conv2d(bad<Tensor>('img'), dl.ones([1, 1, 1, 1])), ArgumentTypeError, "conv2d: expected input to be a Tensor, got string 'img'");
    throwsExactly(() => dl.dropout(bad<Tensor>([1, 2])), ArgumentTypeError, `dropout: expected input to be a Tensor, got ${ARRAY}`);
    throwsExactly(() => dl.mseLoss(x(), bad<Tensor>([[1, 2], [3, 4]])), ArgumentTypeError, 'mseLoss: expected target to be a Tensor, got an array [[1, 2], [3, 4]] (wrap arrays with dl.tensor())');
    throwsExactly(() => dl.crossEntropy(bad<Tensor>(undefined), x()), ArgumentTypeError, 'crossEntropy: expected input to be a Tensor, got undefined');
  });
});

describe('describing long and unusual values', () => {
  it('keeps messages short', () => {
    throwsExactly(() => x().add(bad<number>(Array.from({ length: 100 }, (_, k) => k))), ArgumentTypeError, operandMessage('add', 'other', 'an array of length 100 (wrap arrays with dl.tensor())'));
    throwsExactly(() => x().add(bad<number>('x'.repeat(40))), ArgumentTypeError, operandMessage('add', 'other', `string '${'x'.repeat(24)}...'`));
    throwsExactly(() => x().add(bad<number>(new Map())), ArgumentTypeError, operandMessage('add', 'other', 'a Map'));
    throwsExactly(() => x().add(bad<number>(() => 1)), ArgumentTypeError, operandMessage('add', 'other', 'a function'));
    throwsExactly(() => x().add(bad<number>(1n)), ArgumentTypeError, operandMessage('add', 'other', 'bigint 1n'));
  });
});
