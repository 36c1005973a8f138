/** @internal The border modes that copy pixels of the image (all but `constant`). */
export type BorderMode = 'edge' | 'reflect' | 'symmetric';

/**
 * @internal For each position along a padded axis, the source index numpy's `np.pad` reads
 * (torchvision's PIL path pads with numpy): `edge` repeats the edge, `reflect` mirrors without
 * it, `symmetric` with it. Pads wider than the image repeat the reflection, filled chunk by chunk
 * as numpy does; a one-pixel axis is extended with its edge. `left`/`right` are >= 0.
 */
export function numpyPadIndex(n: number, left: number, right: number, mode: BorderMode): Int32Array {
  const len = left + n + right;
  const idx = new Int32Array(len);
  if (mode === 'edge' || n === 1) {
    for (let i = 0; i < len; i++) idx[i] = Math.min(Math.max(i - left, 0), n - 1);
    return idx;
  }
  for (let i = 0; i < n; i++) idx[left + i] = i;
  const withEdge = mode === 'symmetric';
  const edgeOffset = withEdge ? 1 : 0;
  let lp = left;
  let rp = right;
  while (lp > 0 || rp > 0) {
    const oldLength = len - rp - lp - (withEdge ? 0 : 1);
    if (lp > 0) {
      const chunk = Math.min(oldLength, lp);
      const start = lp - edgeOffset + chunk;
      for (let k = 0; k < chunk; k++) idx[lp - chunk + k] = idx[start - k]!;
      lp -= chunk;
    }
    if (rp > 0) {
      const chunk = Math.min(oldLength, rp);
      const start = len - rp + edgeOffset - 2;
      for (let k = 0; k < chunk; k++) idx[len - rp + k] = idx[start - k]!;
      rp -= chunk;
    }
  }
  return idx;
}

/**
 * @internal The source index of each position along a padded axis in torchvision's tensor path:
 * `reflect` and `edge` as `torch.nn.functional.pad` (negative amounts crop), `symmetric` as
 * torchvision's `_pad_symmetric` (applied after negative amounts have cropped). The caller
 * checks that reflect pads are smaller than the axis and symmetric ones at most its length.
 */
export function torchPadIndex(n: number, left: number, right: number, mode: BorderMode): Int32Array {
  const len = left + n + right;
  const idx = new Int32Array(Math.max(len, 0));
  for (let i = 0; i < len; i++) {
    let s = i - left;
    if (mode === 'edge') s = Math.min(Math.max(s, 0), n - 1);
    else if (mode === 'reflect') s = s < 0 ? -s : s >= n ? 2 * (n - 1) - s : s;
    else s = s < 0 ? -s - 1 : s >= n ? 2 * n - 1 - s : s;
    idx[i] = s;
  }
  return idx;
}
