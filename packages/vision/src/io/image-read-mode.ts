/**
 * How {@link decodeImage} and {@link readImage} lay out the channels of the decoded tensor, as
 * torchvision's `ImageReadMode`: `UNCHANGED` keeps the file's channels (gray 1, gray+alpha 2,
 * RGB 3, RGB+alpha 4; a palette expands to RGB, or RGBA when it has transparency), `GRAY` gives
 * 1 channel, `GRAY_ALPHA` 2, `RGB` 3 and `RGB_ALPHA` 4. Conversions are PIL's (`Image.convert`
 * with `'L'`, `'LA'`, `'RGB'`, `'RGBA'`), so every mode works for every format.
 *
 * @example
 * ```ts
 * const gray = await io.readImage('cat.jpg', { mode: io.ImageReadMode.GRAY }); // [1, H, W] int32
 * io.ImageReadMode.RGB_ALPHA; // 'rgb_alpha'
 * ```
 */
export const ImageReadMode = {
  UNCHANGED: 'unchanged',
  GRAY: 'gray',
  GRAY_ALPHA: 'gray_alpha',
  RGB: 'rgb',
  RGB_ALPHA: 'rgb_alpha',
} as const;

/**
 * One of the {@link ImageReadMode} values.
 *
 * @example
 * ```ts
 * const mode: io.ImageReadMode = io.ImageReadMode.GRAY; // 'gray'
 * ```
 */
export type ImageReadMode = (typeof ImageReadMode)[keyof typeof ImageReadMode];

const READ_MODES: readonly string[] = Object.values(ImageReadMode);

/**
 * Whether `value` is an {@link ImageReadMode} value.
 *
 * @example
 * ```ts
 * isImageReadMode('rgb'); // true
 * isImageReadMode('RGB'); // false (the values are lower case, as torchvision's enum names are not)
 * ```
 */
export function isImageReadMode(value: unknown): value is ImageReadMode {
  return typeof value === 'string' && READ_MODES.includes(value);
}
