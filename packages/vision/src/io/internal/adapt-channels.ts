import type { ImageProbe } from './image-probe';
import type { RawChannels, RawImage } from './raw-image';

/**
 * @internal A codec's pixels (`got` channels per pixel: RGBA from the wasm codecs, gray or RGB
 * replicated by libvips, ...) reshaped to the file's own channels (`probe.channels`): gray
 * sources take their first channel, alpha is kept or dropped as the file has it.
 */
export function adaptChannels(data: Uint8Array, got: number, width: number, height: number, probe: ImageProbe): RawImage {
  const want = probe.channels;
  const raw: RawImage = { width, height, channels: want, data, colorKey: probe.colorKey };
  if (got === want) return raw;
  const n = width * height;
  if (got === 4 && want === 3) {
    // the wasm codecs' RGBA -> RGB, the common case: a tight loop
    const rgb = new Uint8Array(n * 3);
    for (let p = 0, s = 0, d = 0; p < n; p++, s += 4, d += 3) {
      rgb[d] = data[s]!;
      rgb[d + 1] = data[s + 1]!;
      rgb[d + 2] = data[s + 2]!;
    }
    raw.data = rgb;
    return raw;
  }
  const out = new Uint8Array(n * want);
  const srcAlpha = got === 2 ? 1 : got === 4 ? 3 : -1;
  for (let p = 0, s = 0, d = 0; p < n; p++, s += got, d += want) {
    if (want <= 2) out[d] = data[s]!;
    else if (got >= 3) {
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
    } else out[d] = out[d + 1] = out[d + 2] = data[s]!;
    if (want === 2 || want === 4) out[d + want - 1] = srcAlpha < 0 ? 255 : data[s + srcAlpha]!;
  }
  raw.data = out;
  return raw;
}

/** @internal Whether a channel count is a valid RawChannels. */
export function isRawChannels(c: number): c is RawChannels {
  return c === 1 || c === 2 || c === 3 || c === 4;
}
