const f = Math.fround;

/** @internal torch.linspace in float32 (the same halfway split and rounding as ATen). */
export function linspaceF32(start: number, end: number, steps: number): Float32Array {
  const out = new Float32Array(steps);
  if (steps === 1) out[0] = start;
  if (steps <= 1) return out;
  const s = f(start);
  const e = f(end);
  const step = f((e - s) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) out[i] = i < halfway ? f(s + f(step * i)) : f(e - f(step * (steps - i - 1)));
  return out;
}

/**
 * @internal torchaudio's `_create_triangular_filterbank` in float32: for each frequency in
 * `allFreqs` and each filter `m`, `max(0, min(rising, falling))` of the triangle through
 * `fPts[m], fPts[m + 1], fPts[m + 2]`. Returns `[allFreqs.length, fPts.length - 2]` row-major.
 */
export function triangularFilterbank(allFreqs: Float32Array, fPts: Float32Array): Float32Array {
  const nFreqs = allFreqs.length;
  const nFilter = fPts.length - 2;
  const fDiff = new Float32Array(fPts.length - 1);
  for (let i = 0; i < fDiff.length; i++) fDiff[i] = f(fPts[i + 1] - fPts[i]);
  const fb = new Float32Array(nFreqs * nFilter);
  for (let i = 0; i < nFreqs; i++) {
    for (let m = 0; m < nFilter; m++) {
      const down = f(f(-f(fPts[m] - allFreqs[i])) / fDiff[m]);
      const up = f(f(fPts[m + 2] - allFreqs[i]) / fDiff[m + 1]);
      // torch.max(zero, torch.min(down, up)) propagates NaN (a zero-width band).
      const lo = Number.isNaN(down) || Number.isNaN(up) ? Number.NaN : Math.min(down, up);
      fb[i * nFilter + m] = Number.isNaN(lo) ? Number.NaN : Math.max(0, lo);
    }
  }
  return fb;
}
