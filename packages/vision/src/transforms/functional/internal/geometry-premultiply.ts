/**
 * @internal PIL's RGBA -> RGBa conversion (color times alpha, `MULDIV255`), which `Image.resize`
 * and `Image.transform` apply before filtering an RGBA image with anything but nearest.
 */
export function premultiplyAlpha(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    for (let k = 0; k < 3; k++) {
      const t = data[i + k]! * a + 128;
      out[i + k] = ((t >> 8) + t) >> 8;
    }
    out[i + 3] = a;
  }
  return out;
}

/** @internal PIL's RGBa -> RGBA conversion (`CLIP8(255 * c / alpha)`, alpha 0 and 255 kept as they are), in place. */
export function unpremultiplyAlpha(data: Uint8Array): Uint8Array {
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 0 || a === 255) continue;
    for (let k = 0; k < 3; k++) {
      const v = ((255 * data[i + k]!) / a) | 0;
      data[i + k] = Math.min(v, 255);
    }
  }
  return data;
}
