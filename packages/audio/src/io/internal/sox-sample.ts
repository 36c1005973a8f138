// torchaudio 0.13 reads and writes every file through libsox, whose samples are int32
// ("sox samples", full scale +-2^31). These are libsox's conversions between its samples and the
// stored ones, written out so @dl/audio returns and writes the same numbers torchaudio does.

const TWO_31 = 2147483648;

/**
 * @internal torchaudio's normalized float for a sox sample (libsox's SOX_SAMPLE_TO_FLOAT_32BIT):
 * the sample rounded half up to a multiple of 128 (2^-24 of full scale), then / 2^31, and 1 for
 * samples above 2^31 - 65. Exact in float32.
 */
export function soxToFloat(s: number): number {
  return s > 2147483583 ? 1 : ((s + 64) & ~127) / TWO_31;
}

/**
 * @internal The sox sample of a float32: x * 2^31 in double, clamped to int32 and truncated toward
 * zero; NaN gives -2^31 (what C's float-to-int conversion gives on x86, where torchaudio runs).
 * libsox reads stored 32-bit floats this way (SOX_FLOAT_32BIT_TO_SAMPLE) and torchaudio.save
 * converts float32 tensors this way.
 */
export function floatToSox(x: number): number {
  const d = x * TWO_31;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  if (Number.isNaN(d)) return -2147483648;
  return Math.trunc(d);
}

/**
 * @internal libsox's SOX_SAMPLE_TO_SIGNED(bits): the top `bits` bits of a sox sample, rounded
 * half up and clipped to the largest value (bits from 2 to 31).
 */
export function soxToSigned(s: number, bits: number): number {
  const half = 2 ** (31 - bits);
  return s > 2147483647 - half ? 2 ** (bits - 1) - 1 : (s + half) >> (32 - bits);
}

/**
 * @internal The sox sample of a stored 64-bit float (libsox's SOX_FLOAT_64BIT_TO_SAMPLE, which
 * unlike the 32-bit one rounds): x * 2^31 rounded half away from zero and clipped; NaN gives -2^31.
 */
export function float64ToSox(x: number): number {
  const d = x * TWO_31;
  if (d < 0) return d <= -2147483648.5 ? -2147483648 : Math.trunc(d - 0.5);
  if (d >= 2147483647.5) return 2147483647;
  if (d >= 0) return Math.trunc(d + 0.5);
  return -2147483648;
}

/** @internal libsox's SOX_SAMPLE_TO_SIGNED_16BIT: rounded half up, clipped to 32767. */
export function soxTo16(s: number): number {
  return s > 2147450879 ? 32767 : (s + 32768) >> 16;
}

/** @internal libsox's SOX_SAMPLE_TO_SIGNED_24BIT: rounded half up, clipped to 8388607. */
export function soxTo24(s: number): number {
  return s > 2147483519 ? 8388607 : (s + 128) >> 8;
}

/** @internal libsox's SOX_SAMPLE_TO_UNSIGNED_8BIT: the signed 8-bit value (rounded half up, clipped) + 128. */
export function soxToU8(s: number): number {
  return (s > 2139095039 ? 127 : (s + 8388608) >> 24) + 128;
}

/** @internal libsox's SOX_SAMPLE_TO_FLOAT_64BIT: s / 2^31, no rounding. */
export function soxToFloat64(s: number): number {
  return s / TWO_31;
}
