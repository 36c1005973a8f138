import type { ImageFormat } from '../image-format';
import type { RawChannels } from './raw-image';

/**
 * @internal What a file's header says, read before decoding (to refuse lying sizes before any
 * allocation, and to know the channels PIL would give, which codecs do not all report).
 */
export interface ImageProbe {
  format: ImageFormat;
  width: number;
  height: number;
  /** The file's channels: palettes count as RGB, or RGBA with transparency. */
  channels: RawChannels;
  /** The alpha channel comes from a PNG `tRNS` colour key (see RawImage.colorKey). */
  colorKey: boolean;
  /** Bits per sample (PNG, TIFF); 8 otherwise. */
  bitDepth: number;
  /** CMYK samples (JPEG with 4 components, TIFF photometric 5): PIL converts them naively. */
  cmyk: boolean;
}

/** @internal A big-endian uint32. */
export function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** @internal A big-endian uint16. */
export function u16be(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

/** @internal A little-endian uint16. */
export function u16le(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

/** @internal A little-endian uint32. */
export function u32le(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** @internal Four bytes as text (chunk names). */
export function fourCC(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
}
