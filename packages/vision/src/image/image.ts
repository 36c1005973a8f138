import { ValueError } from '@dl/core';

/** The pixel layouts an {@link Image} holds: 8-bit grayscale, RGB, or RGB with alpha (PIL's modes). */
export type ImageMode = 'L' | 'RGB' | 'RGBA';

const CHANNELS: Record<ImageMode, number> = { L: 1, RGB: 3, RGBA: 4 };

/** The number of channels of a mode: 1 for `L`, 3 for `RGB`, 4 for `RGBA`. */
export function modeChannels(mode: ImageMode): number {
  const c = CHANNELS[mode];
  if (c === undefined) throw new ValueError(`Image: unknown mode ${JSON.stringify(mode)} (expected 'L', 'RGB' or 'RGBA')`);
  return c;
}

/**
 * A decoded 8-bit image, the value torchvision's PIL path works on: `width` x `height` pixels of
 * `mode` `L`, `RGB` or `RGBA`, stored row-major with channels interleaved (HWC) in `data`.
 * Transforms take an `Image` or a Tensor; `ToTensor` turns an `Image` into a float CHW tensor.
 *
 * @example
 * ```ts
 * const img = new Image(2, 1, 'RGB', Uint8Array.of(255, 0, 0, 0, 0, 255));
 * img.size; // [2, 1] (width, height, as PIL's size)
 * img.getPixel(1, 0); // [0, 0, 255]
 * String(img.convert('L')); // '<Image mode=L size=2x1>'
 * ```
 */
export class Image {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** The pixel layout. */
  readonly mode: ImageMode;
  /** The pixels, HWC: `data[(y * width + x) * channels + c]`. */
  readonly data: Uint8Array;

  /**
   * @param data the HWC pixels (`width * height * channels` bytes); zeros (black) when omitted.
   */
  constructor(width: number, height: number, mode: ImageMode, data?: Uint8Array | Uint8ClampedArray) {
    for (const [name, v] of [['width', width], ['height', height]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new ValueError(`Image: ${name} must be a non-negative integer, got ${v}`);
    }
    const channels = modeChannels(mode);
    const n = width * height * channels;
    if (data !== undefined) {
      if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
        throw new ValueError(`Image: data must be a Uint8Array, got ${Object.prototype.toString.call(data)}`);
      }
      if (data.length !== n) {
        throw new ValueError(`Image: a ${width}x${height} ${mode} image has ${n} bytes (width * height * ${channels}), got ${data.length}`);
      }
    }
    this.width = width;
    this.height = height;
    this.mode = mode;
    this.data = data === undefined ? new Uint8Array(n) : data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
  }

  /**
   * A new image filled with one color (PIL's `Image.new`).
   *
   * @param color a gray level, or one value per channel. @default 0
   * @example
   * ```ts
   * Image.new('RGB', [4, 3], [255, 128, 0]).getPixel(0, 0); // [255, 128, 0]
   * ```
   */
  static new(mode: ImageMode, size: readonly [number, number], color: number | readonly number[] = 0): Image {
    const img = new Image(size[0], size[1], mode);
    const c = modeChannels(mode);
    const fill = typeof color === 'number' ? Array.from({ length: c }, (_, i) => (mode === 'RGBA' && i === 3 ? 255 : color)) : [...color];
    if (fill.length !== c) throw new ValueError(`Image.new: a ${mode} color has ${c} values, got ${fill.length}`);
    const data = img.data;
    if (fill.every((v) => v === fill[0])) {
      if (fill[0] !== 0) data.fill(fill[0]!);
      return img;
    }
    // One pixel, then doubling copies: no per-pixel loop for large images.
    if (data.length === 0) return img;
    data.set(fill);
    for (let filled = c; filled < data.length; filled *= 2) data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
    return img;
  }

  /** `[width, height]`, as PIL's `size`. */
  get size(): [number, number] {
    return [this.width, this.height];
  }

  /** Channels per pixel: 1, 3 or 4. */
  get channels(): number {
    return CHANNELS[this.mode];
  }

  /** The pixel at column `x`, row `y`: a number for `L`, else one value per channel. */
  getPixel(x: number, y: number): number | number[] {
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= this.width || y >= this.height) {
      throw new ValueError(`Image.getPixel: (${x}, ${y}) is outside the ${this.width}x${this.height} image`);
    }
    const c = this.channels;
    const at = (y * this.width + x) * c;
    return c === 1 ? this.data[at]! : Array.from(this.data.subarray(at, at + c));
  }

  /**
   * The image in another mode, converted as PIL does: RGB to L by ITU-R 601-2 luma
   * (`(R*19595 + G*38470 + B*7471 + 0x8000) >> 16`), L to RGB by copying the level, alpha dropped
   * or set to 255.
   */
  convert(mode: ImageMode): Image {
    const to = modeChannels(mode);
    if (mode === this.mode) return this.clone();
    const from = this.channels;
    const n = this.width * this.height;
    const src = this.data;
    const out = new Uint8Array(n * to);
    for (let p = 0; p < n; p++) {
      const s = p * from;
      const d = p * to;
      if (to === 1) {
        out[d] = (src[s]! * 19595 + src[s + 1]! * 38470 + src[s + 2]! * 7471 + 0x8000) >> 16;
      } else {
        if (from === 1) {
          out[d] = out[d + 1] = out[d + 2] = src[s]!;
        } else {
          out[d] = src[s]!;
          out[d + 1] = src[s + 1]!;
          out[d + 2] = src[s + 2]!;
        }
        if (to === 4) out[d + 3] = from === 4 ? src[s + 3]! : 255;
      }
    }
    return new Image(this.width, this.height, mode, out);
  }

  /** A copy with its own pixel buffer. */
  clone(): Image {
    return new Image(this.width, this.height, this.mode, this.data.slice());
  }

  /** `<Image mode=RGB size=1198x424>`, like PIL's repr. */
  toString(): string {
    return `<Image mode=${this.mode} size=${this.width}x${this.height}>`;
  }

  /** Node's `console.log` shows the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Whether a value is an {@link Image} (also across copies of the package). */
export function isImage(value: unknown): value is Image {
  return value instanceof Image;
}
