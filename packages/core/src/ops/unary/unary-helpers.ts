import { tf, type TfTensor } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';
import { castTo } from '../operands';

/** @internal Re-exported: the one tensor check every op uses (see ../arg-checks.ts). */
export { assertTensor };

/**
 * @internal The input of an op whose result is floating point: integer and bool tensors are
 * promoted to float32, as PyTorch does for `exp`, `sqrt`, `sigmoid`, ...
 */
export function floatInput(x: Tensor, op: string): Tensor {
  assertTensor(x, op);
  return x.dtype === 'float32' ? x : castTo(x, 'float32');
}

/** @internal The input of an op that keeps integer dtypes but has no meaning on bool. */
export function numericInput(x: Tensor, op: string): Tensor {
  assertTensor(x, op);
  if (x.dtype === 'bool') throw new DTypeError(`${op}: not implemented for bool tensors (got dtype bool; convert with .int() or .float() first)`);
  return x;
}

/** @internal A raw boolean mask `x != 0` (tfjs's Cast to bool is unreliable on wasm). */
export function rawToBool(x: TfTensor): TfTensor {
  if (x.dtype === 'bool') return x;
  return tf.notEqual(x, tf.scalar(0, x.dtype));
}

/** @internal Casts a raw value to a dtype (bool through a comparison). */
export function rawCast(x: TfTensor, dtype: 'float32' | 'int32' | 'bool'): TfTensor {
  if (x.dtype === dtype) return x;
  if (dtype === 'bool') return rawToBool(x);
  return tf.cast(x, dtype);
}
