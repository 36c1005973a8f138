// The dtype rules: @dl computes in float32, int32 and bool (TensorFlow.js's dtypes). 'int64'/'long'
// map to int32 (documented; out-of-range values throw instead of wrapping); 'float64' and the
// other dtypes TensorFlow.js lacks throw a DTypeError instead of silently becoming float32.
import { describe, expect, it } from 'vitest';
import * as dl from '../index';
import { ArgumentTypeError, DTypeError, ValueError, normalizeDType } from '../index';
import { throwsExactly } from '../../test/support/throws-exactly';



// A dtype name the types refuse, as a JavaScript caller (or a cast) can still pass it.
const name = (n: string) => n as 'float32';

const FLOAT64 = (op: string, n = 'float64') =>
  `${op}: dtype '${n}' is not supported: TensorFlow.js has no float64, and float32 is the widest float dtype (use 'float32')`;
const FLOAT16 = (op: string, n: string) => `${op}: dtype '${n}' is not supported: TensorFlow.js computes floats in float32 only (use 'float32')`;
const SMALL_INT = (op: string, n: string) =>
  `${op}: dtype '${n}' is not supported: TensorFlow.js computes integers in int32 only (use 'int32', or 'int64', which @dl stores as int32)`;
const INT32_RANGE = '(int64 is stored as int32; the range is [-2147483648, 2147483647])';

describe('dtype names', () => {
  it('map the documented names', () => {
    expect(normalizeDType('float32')).toBe('float32');
    expect(normalizeDType('float')).toBe('float32');
    expect(normalizeDType('int32')).toBe('int32');
    expect(normalizeDType('int')).toBe('int32');
    expect(normalizeDType('int64')).toBe('int32');
    expect(normalizeDType('long')).toBe('int32');
    expect(normalizeDType('bool')).toBe('bool');
  });

  it('refuse float64 and double everywhere a dtype is taken', () => {
    const f64 = name('float64');
    throwsExactly(() => dl.tensor([1, 2], { dtype: f64 }), DTypeError, FLOAT64('tensor'));
    throwsExactly(() => dl.tensor(new Float64Array([1, 2]), { dtype: name('double') }), DTypeError, FLOAT64('tensor', 'double'));
    throwsExactly(() => dl.zeros([2], { dtype: f64 }), DTypeError, FLOAT64('zeros'));
    throwsExactly(() => dl.ones([2, 3], { dtype: f64 }), DTypeError, FLOAT64('ones'));
    throwsExactly(() => dl.empty([2], { dtype: f64 }), DTypeError, FLOAT64('zeros'));
    throwsExactly(() => dl.full([2], 1.5, { dtype: f64 }), DTypeError, FLOAT64('full'));
    throwsExactly(() => dl.arange(3, { dtype: f64 }), DTypeError, FLOAT64('arange'));
    throwsExactly(() => dl.linspace(0, 1, 3, { dtype: f64 }), DTypeError, FLOAT64('linspace'));
    throwsExactly(() => dl.eye(2, { dtype: f64 }), DTypeError, FLOAT64('eye'));
    throwsExactly(() => dl.rand([2], { dtype: f64 }), DTypeError, FLOAT64('rand'));
    throwsExactly(() => dl.randn([2], { dtype: f64 }), DTypeError, FLOAT64('randn'));
    throwsExactly(() => dl.zerosLike(dl.ones([2]), { dtype: f64 }), DTypeError, FLOAT64('zeros'));
    throwsExactly(() => dl.ones([2]).newZeros([2], { dtype: f64 }), DTypeError, FLOAT64('zeros'));
    throwsExactly(() => dl.ones([2]).newTensor([1], { dtype: f64 }), DTypeError, FLOAT64('tensor'));
    throwsExactly(() => dl.ones([2]).to(f64), DTypeError, FLOAT64('to'));
    throwsExactly(() => dl.ones([2]).type(name('double')), DTypeError, FLOAT64('to', 'double'));
    throwsExactly(() => dl.ones([2]).sum({ dtype: f64 }), DTypeError, FLOAT64('sum'));
    throwsExactly(() => dl.ones([2]).prod({ dtype: f64 }), DTypeError, FLOAT64('prod'));
    throwsExactly(() => dl.ones([2]).cumsum(0, { dtype: f64 }), DTypeError, FLOAT64('cumsum'));
    throwsExactly(() => dl.ones([2]).cumprod(0, { dtype: f64 }), DTypeError, FLOAT64('cumprod'));
    throwsExactly(() => dl.softmax(dl.ones([2]), 0, { dtype: f64 }), DTypeError, FLOAT64('softmax'));
    throwsExactly(() => dl.logSoftmax(dl.ones([2]), 0, { dtype: f64 }), DTypeError, FLOAT64('logSoftmax'));
  });

  it('are refused at compile time too', () => {
    // @ts-expect-error 'float64' is not a dtype @dl accepts
    expect(() => dl.tensor([1], { dtype: 'float64' })).toThrow(DTypeError);
    // @ts-expect-error 'uint8' is not a dtype @dl accepts
    expect(() => dl.zeros([1], { dtype: 'uint8' })).toThrow(DTypeError);
  });

  it('refuse the other dtypes TensorFlow.js lacks, naming the dtype', () => {
    for (const n of ['float16', 'half', 'bfloat16']) throwsExactly(() => dl.tensor([1], { dtype: name(n) }), DTypeError, FLOAT16('tensor', n));
    for (const n of ['int8', 'int16', 'uint8', 'uint16', 'uint32', 'uint64', 'short']) {
      throwsExactly(() => dl.zeros([1], { dtype: name(n) }), DTypeError, SMALL_INT('zeros', n));
    }
  });

  it('refuse unknown names and non-strings', () => {
    const unknown = (op: string, n: string) => `${op}: unknown dtype '${n}' (expected 'float32' or 'float', 'int32' or 'int', 'int64' or 'long' (stored as int32), or 'bool')`;
    throwsExactly(() => dl.tensor([1], { dtype: name('complex64') }), DTypeError, unknown('tensor', 'complex64'));
    throwsExactly(() => dl.ones([1]).to(name('Float32')), DTypeError, unknown('to', 'Float32'));
    throwsExactly(() => dl.ones([1]).to(name('')), DTypeError, unknown('to', ''));
    throwsExactly(
      () => dl.tensor([1], { dtype: 5 as unknown as 'float32' }),
      ArgumentTypeError,
      "tensor: expected dtype to be a dtype name such as 'float32', 'int64' or 'bool', got number 5",
    );
    throwsExactly(
      () => dl.zeros([1], { dtype: {} as unknown as 'float32' }),
      ArgumentTypeError,
      "zeros: expected dtype to be a dtype name such as 'float32', 'int64' or 'bool', got an object",
    );
  });

  it('treat a missing (undefined or null) dtype as the default', () => {
    expect(dl.tensor([1.5], { dtype: undefined }).dtype).toBe('float32');
    expect(dl.tensor([true], { dtype: null as unknown as undefined }).dtype).toBe('bool');
    expect(dl.zeros([1], { dtype: null as unknown as undefined }).dtype).toBe('float32');
  });
});

describe("int64 is stored as int32 (the documented mapping)", () => {
  it('gives int32 tensors with the values truncated toward zero, as PyTorch converts floats', () => {
    const t = dl.tensor([0, 2, -3.7, 2147483647, -2147483648], { dtype: 'int64' });
    expect(t.dtype).toBe('int32');
    expect(t.tolist()).toEqual([0, 2, -3, 2147483647, -2147483648]);
    expect(dl.zeros([2], { dtype: 'long' }).dtype).toBe('int32');
    expect(dl.arange(3, { dtype: 'int64' }).tolist()).toEqual([0, 1, 2]);
    expect(dl.tensor([1.9, -1.9]).to('int64').tolist()).toEqual([1, -1]);
    expect(dl.tensor(new BigInt64Array([5n, -6n])).tolist()).toEqual([5, -6]);
  });

  it('throws for values an int32 cannot hold instead of wrapping them', () => {
    throwsExactly(() => dl.tensor([1, 2 ** 31], { dtype: 'int64' }), ValueError, `tensor: value 2147483648 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.tensor([-(2 ** 40)], { dtype: 'int32' }), ValueError, `tensor: value -1099511627776 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.tensor([NaN], { dtype: 'int64' }), ValueError, 'tensor: cannot convert NaN to an integer dtype (int32)');
    throwsExactly(() => dl.tensor([Infinity], { dtype: 'long' }), ValueError, `tensor: value Infinity is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.tensor(new Float64Array([3e9]), { dtype: 'int64' }), ValueError, `tensor: value 3000000000 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.tensor(new BigInt64Array([2n ** 40n])), ValueError, `tensor: value 1099511627776 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.full([2], 2 ** 33, { dtype: 'int64' }), ValueError, `full: value 8589934592 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.arange(2 ** 31 - 1, 2 ** 31 + 1, { dtype: 'int64' }), ValueError, `arange: value 2147483648 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.linspace(0, 3e9, 2, { dtype: 'int64' }), ValueError, `linspace: value 3000000000 is out of range for dtype int32 ${INT32_RANGE}`);
    throwsExactly(() => dl.zeros([2], { dtype: 'int64' }).fill_(2 ** 40), ValueError, `fill_: value 1099511627776 is out of range for dtype int32 ${INT32_RANGE}`);
    expect(() => dl.randint(2 ** 31, 2 ** 31 + 2, [2])).toThrow(/^randint: value 214748364[89] is out of range for dtype int32/);
  });
});
