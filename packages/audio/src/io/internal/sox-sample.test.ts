import { describe, expect, it } from 'vitest';
import { float64ToSox, floatToSox, soxTo16, soxTo24, soxToFloat, soxToSigned, soxToU8 } from './sox-sample';

describe("libsox's sample conversions", () => {
  it('normalizes a 32-bit sample to a multiple of 2^-24, rounding half up and saturating near full scale', () => {
    // The values torchaudio.load returned for a 32-bit WAV holding these samples.
    const cases: [number, number][] = [
      [2 ** 31 - 1, 1],
      [-(2 ** 31), -1],
      [63, 0],
      [64, 2 ** -24],
      [191, 2 ** -24],
      [192, 2 ** -23],
      [2 ** 31 - 65, 1 - 2 ** -24],
      [2 ** 31 - 64, 1],
      [-64, 0],
      [-65, -(2 ** -24)],
    ];
    for (const [s, x] of cases) expect(soxToFloat(s)).toBe(x);
  });

  it('converts floats as libsox reads them and torchaudio.save writes them: x * 2^31 truncated toward zero, clamped, NaN as -2^31', () => {
    expect(floatToSox(1e-5)).toBe(21474);
    expect(floatToSox(-1e-5)).toBe(-21474);
    expect(floatToSox(-166336.78125 / 2 ** 31)).toBe(-166336);
    expect(floatToSox(1)).toBe(2 ** 31 - 1);
    expect(floatToSox(-1)).toBe(-(2 ** 31));
    expect(floatToSox(1.5)).toBe(2 ** 31 - 1);
    expect(floatToSox(Number.NEGATIVE_INFINITY)).toBe(-(2 ** 31));
    expect(floatToSox(Number.NaN)).toBe(-(2 ** 31));
  });

  it('reads stored 64-bit floats rounding half away from zero instead (libsox rounds those)', () => {
    expect(float64ToSox(-166336.78125 / 2 ** 31)).toBe(-166337);
    expect(float64ToSox(1e-5)).toBe(21475);
    expect(float64ToSox(-1e-5)).toBe(-21475);
    expect(float64ToSox(1.5)).toBe(2 ** 31 - 1);
    expect(float64ToSox(-1.5)).toBe(-(2 ** 31));
    expect(float64ToSox(Number.NaN)).toBe(-(2 ** 31));
  });

  it('narrows samples rounding half up and clipping at the top', () => {
    expect(soxTo16(32767 * 65536 + 32767)).toBe(32767);
    expect(soxTo16(2 ** 31 - 1)).toBe(32767);
    expect(soxTo16(32768)).toBe(1);
    expect(soxTo16(32767)).toBe(0);
    expect(soxTo16(-32768)).toBe(0);
    expect(soxTo16(-32769)).toBe(-1);
    expect(soxTo24(2 ** 31 - 1)).toBe(8388607);
    expect(soxTo24(128)).toBe(1);
    expect(soxToU8(2 ** 31 - 1)).toBe(255);
    expect(soxToU8(-(2 ** 31))).toBe(0);
    expect(soxToU8(0)).toBe(128);
    expect(soxToSigned(2 ** 31 - 1, 14)).toBe(8191);
    expect(soxToSigned(-(2 ** 31), 13)).toBe(-4096);
  });
});
