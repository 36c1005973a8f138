const f32 = Math.fround;

/**
 * @internal Shifts the hue of 8-bit RGB pixels as torchvision's PIL path does: PIL's RGB to HSV
 * conversion (libImaging/Convert.c `rgb2hsv_row`, C float and double arithmetic reproduced
 * operation by operation), `H += shift` as uint8 (wrapping), then PIL's HSV to RGB (`hsv2rgb`).
 * `src` holds `channels` (3 or 4) bytes per pixel; the output is RGB(A) with alpha set to 255, as
 * PIL's HSV to RGBA conversion leaves it.
 */
export function shiftHueBytes(src: Uint8Array, channels: number, shift: number): Uint8Array {
  const out = new Uint8Array(src.length);
  const hsv = [0, 0, 0];
  for (let i = 0; i < src.length; i += channels) {
    rgbToHsv(src[i]!, src[i + 1]!, src[i + 2]!, hsv);
    hsvToRgb((hsv[0]! + shift) & 255, hsv[1]!, hsv[2]!, out, i);
    if (channels === 4) out[i + 3] = 255;
  }
  return out;
}

function clip8(v: number): number {
  return Math.min(255, Math.max(0, v));
}

/** PIL's `rgb2hsv_row`: float32 temporaries, double constants (`2.0`, `6.0`, `255.0`). */
function rgbToHsv(r: number, g: number, b: number, out: number[]): void {
  const maxc = Math.max(r, g, b);
  const minc = Math.min(r, g, b);
  out[2] = maxc;
  if (maxc === minc) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  const cr = maxc - minc;
  const s = f32(cr / maxc);
  const rc = f32((maxc - r) / cr);
  const gc = f32((maxc - g) / cr);
  const bc = f32((maxc - b) / cr);
  let h: number;
  if (r === maxc) h = f32(bc - gc);
  else if (g === maxc) h = f32(2.0 + rc - bc);
  else h = f32(4.0 + gc - rc);
  h = f32((h / 6.0 + 1.0) % 1.0);
  out[0] = clip8(Math.trunc(h * 255.0));
  out[1] = clip8(Math.trunc(s * 255.0));
}

/** PIL's `hsv2rgb`: `floor`/`round` in double, `f` and `fs` stored as float32. */
function hsvToRgb(h: number, s: number, v: number, out: Uint8Array, at: number): void {
  if (s === 0) {
    out[at] = out[at + 1] = out[at + 2] = v;
    return;
  }
  const x = (h * 6.0) / 255.0;
  const i = Math.floor(x);
  const f = f32(x - i);
  const fs = f32(s / 255.0);
  // C's round() rounds halves away from zero; every operand here is >= 0, where Math.round agrees.
  const p = clip8(Math.round(v * (1.0 - fs)));
  const q = clip8(Math.round(v * (1.0 - f32(fs * f))));
  const t = clip8(Math.round(v * (1.0 - fs * (1.0 - f))));
  let r: number;
  let g: number;
  let b: number;
  switch (i % 6) {
    case 0:
      [r, g, b] = [v, t, p];
      break;
    case 1:
      [r, g, b] = [q, v, p];
      break;
    case 2:
      [r, g, b] = [p, v, t];
      break;
    case 3:
      [r, g, b] = [p, q, v];
      break;
    case 4:
      [r, g, b] = [t, p, v];
      break;
    default:
      [r, g, b] = [v, p, q];
  }
  out[at] = r;
  out[at + 1] = g;
  out[at + 2] = b;
}
