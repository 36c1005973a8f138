import { describe, expect, it } from 'vitest';
import { irfftFrames, realBins, rfftFrames, rfftPaired } from './fft';
import { pffftSupports } from './pffft';

/** The one-sided DFT of `x` in double precision, (re, im) interleaved. */
function dft(x: Float32Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(realBins(n) * 2);
  for (let k = 0; k < realBins(n); k++) {
    for (let j = 0; j < n; j++) {
      const t = (-2 * Math.PI * k * j) / n;
      out[2 * k] += x[j] * Math.cos(t);
      out[2 * k + 1] += x[j] * Math.sin(t);
    }
  }
  return out;
}

function signal(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a, (v, i) => Math.abs(v - b[i])).reduce((m, v) => Math.max(m, v), 0);

describe('the FFT layer', () => {
  it('computes one-sided DFTs of even and odd sizes (KISS FFT), frame by frame', () => {
    for (const n of [8, 15, 50, 63, 400, 401]) {
      const frames = [signal(n, 1), signal(n, 2), signal(n, 3)];
      const out = Float32Array.from(rfftFrames(n, 3, (input) => frames.forEach((f, i) => input.set(f, i * n))));
      const bins = realBins(n);
      frames.forEach((f, i) => expect(maxDiff(out.subarray(i * bins * 2, (i + 1) * bins * 2), dft(f)), `n=${n}`).toBeLessThan(1e-4 * Math.sqrt(n)));
    }
  });

  it('inverts them, unnormalized, for even and odd sizes', () => {
    for (const n of [16, 21, 400]) {
      const x = signal(n, 4);
      const spec = Float32Array.from(rfftFrames(n, 1, (input) => input.set(x)));
      const back = Float32Array.from(irfftFrames(n, 1, (input) => input.set(spec)));
      expect(maxDiff(back.map((v) => v / n), x), `n=${n}`).toBeLessThan(1e-5);
    }
  });

  it('gives the same spectra from PFFFT pairs (two real frames per complex FFT) for its sizes, and null for others', () => {
    expect([16, 400, 480, 512, 1024].every(pffftSupports)).toBe(true);
    expect([8, 50, 200, 401, 448 * 7].some(pffftSupports)).toBe(false);
    const n = 400;
    const frames = [signal(n, 5), signal(n, 6), signal(n, 7)];
    const packed = rfftPaired(n, 3, (input) => {
      input.fill(0);
      frames.forEach((f, g) => f.forEach((v, j) => (input[(g >> 1) * n * 2 + 2 * j + (g & 1)] = v)));
    });
    expect(packed).not.toBeNull();
    const z = Float32Array.from(packed!);
    frames.forEach((f, g) => {
      const ref = dft(f);
      const at = (g >> 1) * n * 2;
      for (let k = 0; k < realBins(n); k++) {
        const m = k === 0 ? 0 : n - k;
        const re = g & 1 ? (z[at + 2 * k + 1] + z[at + 2 * m + 1]) / 2 : (z[at + 2 * k] + z[at + 2 * m]) / 2;
        const im = g & 1 ? (z[at + 2 * m] - z[at + 2 * k]) / 2 : (z[at + 2 * k + 1] - z[at + 2 * m + 1]) / 2;
        expect(Math.abs(re - ref[2 * k]) + Math.abs(im - ref[2 * k + 1])).toBeLessThan(1e-3);
      }
    });
    expect(rfftPaired(50, 2, () => undefined)).toBeNull();
  });
});
