/**
 * @internal A 256-entry RGB palette (768 bytes) from `count` entries of `stride` bytes in
 * `order` ('rgb' for GIF/PNG, 'bgr' for BMP). Entries past the file's palette keep PIL's initial
 * gray ramp (index i -> (i, i, i)), which is what PIL shows for out-of-range indices.
 */
export function buildPalette(src: Uint8Array, at: number, count: number, stride: number, order: 'rgb' | 'bgr'): Uint8Array {
  const pal = new Uint8Array(768);
  for (let i = 0; i < 256; i++) pal[i * 3] = pal[i * 3 + 1] = pal[i * 3 + 2] = i;
  const n = Math.min(count, 256, Math.floor((src.length - at) / stride));
  for (let i = 0; i < n; i++) {
    const s = at + i * stride;
    pal[i * 3] = src[s + (order === 'rgb' ? 0 : 2)]!;
    pal[i * 3 + 1] = src[s + 1]!;
    pal[i * 3 + 2] = src[s + (order === 'rgb' ? 2 : 0)]!;
  }
  return pal;
}

/**
 * @internal Palette indices to RGB (3 channels) or, with a transparent index, RGBA whose alpha is
 * 0 at that index (PIL's `convert('RGBA')` of a `P` image with `info['transparency']`).
 */
export function expandPalette(indices: Uint8Array, palette: Uint8Array, transparent: number | null): Uint8Array {
  const n = indices.length;
  if (transparent === null) {
    const out = new Uint8Array(n * 3);
    for (let p = 0, d = 0; p < n; p++, d += 3) {
      const s = indices[p]! * 3;
      out[d] = palette[s]!;
      out[d + 1] = palette[s + 1]!;
      out[d + 2] = palette[s + 2]!;
    }
    return out;
  }
  const out = new Uint8Array(n * 4);
  for (let p = 0, d = 0; p < n; p++, d += 4) {
    const i = indices[p]!;
    const s = i * 3;
    out[d] = palette[s]!;
    out[d + 1] = palette[s + 1]!;
    out[d + 2] = palette[s + 2]!;
    out[d + 3] = i === transparent ? 0 : 255;
  }
  return out;
}
