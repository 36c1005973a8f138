/**
 * @internal The nearest multiple of `divisor` to `v`, at least `minValue` and not more than 10%
 * below `v` (torchvision's `_make_divisible`, from TensorFlow's MobileNet): the channel rounding
 * of MobileNet and EfficientNet.
 */
export function makeDivisible(v: number, divisor: number, minValue: number | null = null): number {
  const min = minValue ?? divisor;
  let out = Math.max(min, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (out < 0.9 * v) out += divisor;
  return out;
}
