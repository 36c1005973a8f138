/**
 * Options every decoder takes: the pixel limit and a name for error messages.
 *
 * @example
 * ```ts
 * await io.decodeImage(bytes, { maxPixels: 4096 * 4096, source: 'train.zip:cat/1.jpg' });
 * ```
 */
export interface ImageDecodeLimits {
  /**
   * Largest width x height to decode: a header claiming more is refused with an ImageError
   * before any pixel memory is allocated. `null` or `Infinity`: no limit.
   * @default getMaxImagePixels() (178,956,970 unless changed by setMaxImagePixels)
   */
  maxPixels?: number | null;
  /** What to call the bytes in error messages (a file name, an archive member). @default '<buffer>' */
  source?: string;
}
