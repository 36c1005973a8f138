/**
 * @internal CMYK to RGB as PIL's `Convert.c` `cmyk2rgb` does (no colour management):
 * `nk = 255 - K; out = clip(nk - C * nk / 255)` with its rounding of the product.
 */
export function cmykToRgb(cmyk: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, s = 0, d = 0; p < pixels; p++, s += 4, d += 3) {
    const nk = 255 - cmyk[s + 3]!;
    for (let c = 0; c < 3; c++) {
      const t = cmyk[s + c]! * nk + 128;
      const v = nk - (((t >> 8) + t) >> 8);
      out[d + c] = Math.max(0, v);
    }
  }
  return out;
}
