/**
 * How a transform computes resampled pixels (torchvision's `InterpolationMode`), a string enum:
 * `InterpolationMode.BILINEAR === 'bilinear'`. `Image` inputs use PIL's filters (`NEAREST_EXACT`
 * is PIL's nearest there); tensors take `NEAREST`, `NEAREST_EXACT`, `BILINEAR` and `BICUBIC` in
 * `resize`, and `NEAREST` and `BILINEAR` in `rotate`, `affine` and `perspective`.
 *
 * @example
 * ```ts
 * resize(img, [224, 224], { interpolation: InterpolationMode.BICUBIC });
 * InterpolationMode.NEAREST; // 'nearest'
 * ```
 */
export const InterpolationMode = {
  NEAREST: 'nearest',
  NEAREST_EXACT: 'nearest-exact',
  BILINEAR: 'bilinear',
  BICUBIC: 'bicubic',
  BOX: 'box',
  HAMMING: 'hamming',
  LANCZOS: 'lanczos',
} as const;

/** One of the {@link InterpolationMode} values: `'nearest' | 'nearest-exact' | 'bilinear' | 'bicubic' | 'box' | 'hamming' | 'lanczos'`. */
export type InterpolationMode = (typeof InterpolationMode)[keyof typeof InterpolationMode];
