import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import { promoteTypes, type DType } from '../../tensor/dtype';
import { Tensor } from '../../tensor/tensor';
import { broadcastShapes, castTo, scalarDType, scalarTensor } from '../operands';
import { numericInput } from './unary-helpers';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/** A bound of {@link clamp}: a number, a tensor (broadcast against the input) or none. */
export type ClampBound = number | Tensor | null | undefined;

/** Options of {@link clamp} (the object form of its two positional bounds). */
export interface ClampOptions {
  /** Lower bound. @default null (none) */
  min?: ClampBound;
  /** Upper bound. @default null (none) */
  max?: ClampBound;
}

function isOptions(x: unknown): x is ClampOptions {
  return x !== null && typeof x === 'object' && !(x instanceof Tensor);
}

function checkBound(b: unknown, which: string): ClampBound {
  if (b === null || b === undefined || b instanceof Tensor) return b;
  if (typeof b === 'number') return b;
  throw new ArgumentTypeError(`clamp: ${which} must be a number, a Tensor or null, got ${describeArg(b)}`);
}

/**
 * Clamps every element into `[min, max]` (PyTorch's `torch.clamp`, alias `clip`). Bounds are
 * numbers or tensors (broadcast against `input`), either may be omitted, and the result takes
 * PyTorch's promoted dtype. Where `min > max` the result is `max`. NaN stays NaN.
 *
 * @example
 * ```ts
 * dl.clamp(dl.tensor([-2, 0.5, 3]), -1, 1).tolist(); // [-1, 0.5, 1]
 * dl.clamp(dl.tensor([-2, 3]), { min: 0 }).tolist(); // [0, 3]
 * ```
 */
export function clamp(input: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound): Tensor {
  let lo: ClampBound;
  let hi: ClampBound;
  if (isOptions(min)) {
    lo = checkBound(min.min, 'min');
    hi = checkBound(min.max, 'max');
  } else {
    lo = checkBound(min, 'min');
    hi = checkBound(max, 'max');
  }
  const x0 = numericInput(input, 'clamp');
  if ((lo === null || lo === undefined) && (hi === null || hi === undefined)) {
    throw new ValueError("clamp: at least one of 'min' or 'max' must not be None");
  }
  let dtype: DType = x0.dtype;
  for (const b of [lo, hi]) {
    if (b instanceof Tensor) dtype = promoteTypes(dtype, b.dtype === 'bool' ? 'int32' : b.dtype);
    else if (typeof b === 'number') dtype = promoteTypes(dtype, scalarDType(b, x0.dtype));
  }
  const bound = (b: ClampBound, which: string): Tensor | null => {
    if (b === null || b === undefined) return null;
    if (b instanceof Tensor) {
      broadcastShapes(x0.shape, b.shape, 'clamp');
      return castTo(b, dtype);
    }
    if (Number.isNaN(b)) throw new ValueError(`clamp: ${which} must not be NaN`);
    return scalarTensor(b, dtype);
  };
  const x = castTo(x0, dtype);
  const loT = bound(lo, 'min');
  const hiT = bound(hi, 'max');
  const inputs: Tensor[] = [x];
  if (loT) inputs.push(loT);
  if (hiT) inputs.push(hiT);
  const iLo = loT ? 1 : -1;
  const iHi = hiT ? (loT ? 2 : 1) : -1;
  return runOp({
    name: 'Clamp',
    inputs,
    save: { inputs: 'all' },
    forward: () =>
      tf.tidy(() => {
        let v: TfTensor = x._value;
        if (loT) v = tf.maximum(v, loT._value);
        if (hiT) v = tf.minimum(v, hiT._value);
        // Broadcasting against a bound can grow the result beyond the input's shape.
        return v;
      }),
    backward: (dy, saved, needs) => {
      const xv = saved[0];
      const lv = loT ? saved[iLo] : null;
      const hv = hiT ? saved[iHi] : null;
      const zero = tf.zerosLike(dy);
      const grads: (TfTensor | null)[] = inputs.map(() => null);
      if (lv && hv) {
        if (needs[0]) grads[0] = tf.where(tf.logicalAnd(tf.greaterEqual(xv, lv), tf.lessEqual(xv, hv)), dy, zero);
        if (needs[iLo]) grads[iLo] = tf.where(tf.logicalAnd(tf.less(xv, lv), tf.less(lv, hv)), dy, zero);
        if (needs[iHi]) grads[iHi] = tf.where(tf.logicalOr(tf.greater(xv, hv), tf.less(hv, lv)), dy, zero);
      } else if (lv) {
        if (needs[0]) grads[0] = tf.where(tf.greaterEqual(xv, lv), dy, zero);
        if (needs[iLo]) grads[iLo] = tf.where(tf.less(xv, lv), dy, zero);
      } else if (hv) {
        if (needs[0]) grads[0] = tf.where(tf.lessEqual(xv, hv), dy, zero);
        if (needs[iHi]) grads[iHi] = tf.where(tf.greater(xv, hv), dy, zero);
      }
      return grads;
    },
  });
}

/**
 * Alias of {@link clamp} (PyTorch's `torch.clip`).
 *
 * @example
 * ```ts
 * dl.clip(dl.tensor([5]), 0, 1).tolist(); // [1]
 * ```
 */
export const clip = clamp;
