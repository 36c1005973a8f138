import { ValueError } from '../errors/value-error';

// The int32 range: integer values outside it cannot be stored without wrapping.
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * @internal The integer an int32 tensor stores for `v` (truncated toward zero, as PyTorch
 * converts floats to integers), or a ValueError naming the op when it would not fit: NaN,
 * infinities and values outside the int32 range (TensorFlow.js would wrap or zero them).
 */
export function toInt32(v: number, op: string): number {
  const t = Math.trunc(v);
  if (t >= INT32_MIN && t <= INT32_MAX) return t;
  throw new ValueError(
    Number.isNaN(v)
      ? `${op}: cannot convert NaN to an integer dtype (int32)`
      : `${op}: value ${v} is out of range for dtype int32 (int64 is stored as int32; the range is [${INT32_MIN}, ${INT32_MAX}])`,
  );
}
