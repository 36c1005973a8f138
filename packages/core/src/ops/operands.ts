
import { kernelOp } from '../autograd/run-op';
import { ShapeError } from '../errors/shape-error';
import { promoteTypes, type DType } from '../tensor/dtype';
import { toInt32 } from '../tensor/int32';
import { Tensor } from '../tensor/tensor';
import { assertOperand } from './arg-checks';

/**
 * An operand of the elementwise ops: a tensor, or a JavaScript number/boolean standing for a 0-d
 * tensor. JavaScript arrays are not operands (as PyTorch refuses lists in `t.add([1, 2])`):
 * the ops throw an {@link ArgumentTypeError}; wrap them with `dl.tensor()`.
 */
export type TensorLike = Tensor | number | boolean;

/** @internal The broadcast shape of two shapes, or a ShapeError naming the op and both shapes. */
export function broadcastShapes(a: readonly number[], b: readonly number[], op: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes [${a.join(', ')}] and [${b.join(', ')}] cannot be broadcast (the size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** @internal The dtype a JS scalar takes next to a tensor of `other` dtype (PyTorch's rules). */
export function scalarDType(value: number | boolean, other: DType): DType {
  if (typeof value === 'boolean') return other;
  if (Number.isInteger(value)) return other === 'bool' ? 'int32' : other;
  return 'float32';
}

/** @internal A 0-d tensor for a JS scalar. */
export function scalarTensor(value: number | boolean, dtype: DType): Tensor {
  const v = typeof value === 'boolean' ? Number(value) : value;
  const data = dtype === 'float32' ? new Float32Array(1) : dtype === 'int32' ? new Int32Array(1) : new Uint8Array(1);
  data[0] = dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
  return Tensor._fromHost(data, [], dtype);
}

/** @internal Converts a tensor to a dtype with a differentiable cast (no-op when it already is). */
export function castTo(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  // tfjs-backend-wasm's Cast to bool returns garbage: "nonzero" is the meaning anyway.
  if (dtype === 'bool') return kernelOp('NotEqual', { a: t, b: scalarTensor(0, t.dtype) }, {}, 'Cast');
  return kernelOp('Cast', { x: t }, { dtype }, 'Cast');
}

/**
 * @internal Brings two operands of a broadcasting binary op to tensors of one promoted dtype,
 * checking that they are operands (Tensor, number or boolean: see {@link assertOperand}) and
 * that their shapes broadcast. `names` are the argument names for messages.
 */
export function binaryOperands(
  a: TensorLike,
  b: TensorLike,
  op: string,
  minDType?: DType,
  names: readonly [string, string] = OPERAND_NAMES,
): [Tensor, Tensor, number[]] {
  let ta: Tensor;
  let tb: Tensor;
  if (a instanceof Tensor && b instanceof Tensor) {
    ta = a;
    tb = b;
  } else if (a instanceof Tensor) {
    ta = a;
    tb = scalarOperand(b, a.dtype, op, names[1]);
  } else if (b instanceof Tensor) {
    tb = b;
    ta = scalarOperand(a, b.dtype, op, names[0]);
  } else {
    assertOperand(a, op, names[0]);
    assertOperand(b, op, names[1]);
    const da: DType = typeof a === 'boolean' ? 'bool' : Number.isInteger(a) ? 'int32' : 'float32';
    if (da === 'int32') toInt32(a as number, op);
    ta = scalarTensor(a, da);
    tb = scalarOperand(b, ta.dtype, op, names[1]);
  }
  const shape = broadcastShapes(ta._shape, tb._shape, op);
  let dtype = promoteTypes(ta.dtype, tb.dtype);
  if (minDType) dtype = promoteTypes(dtype, minDType);
  return [castTo(ta, dtype), castTo(tb, dtype), shape];
}

const OPERAND_NAMES = ['input', 'other'] as const;

/** A checked JS scalar operand as a 0-d tensor in the dtype it takes next to `other`. */
function scalarOperand(x: TensorLike, other: DType, op: string, what: string): Tensor {
  assertOperand(x, op, what);
  const v = x as number | boolean;
  const dtype = scalarDType(v, other);
  // An integer too large for int32 would wrap: refuse it, as PyTorch refuses the overflow.
  if (dtype === 'int32' && typeof v === 'number') toInt32(v, op);
  return scalarTensor(v, dtype);
}

/** @internal A TensorLike as a tensor (scalars become 0-d float32/int32/bool tensors). */
export function asTensor(x: TensorLike, dtype?: DType, op = 'asTensor', what = 'input'): Tensor {
  if (x instanceof Tensor) return dtype ? castTo(x, dtype) : x;
  assertOperand(x, op, what);
  return scalarTensor(x, dtype ?? (typeof x === 'boolean' ? 'bool' : Number.isInteger(x) ? 'int32' : 'float32'));
}
