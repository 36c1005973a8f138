/**
 * @internal Python's `round(x)` (ties to even) or `round(x, digits)`, which torchvision uses for
 * crop sizes, translations and reprs.
 */
export function pyRound(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  if (digits !== 0) {
    // Python rounds the exact decimal value of the double; toFixed does the same for these sizes.
    return Number(x.toFixed(digits));
  }
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
