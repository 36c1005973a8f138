import { Image } from '../../../image/image';

/**
 * @internal PIL's `transpose(ROTATE_90 | ROTATE_180 | ROTATE_270)`: an exact rotation
 * counter-clockwise by `quarterTurns * 90` degrees (the fast path of `Image.rotate`).
 */
export function rotateQuarterTurns(img: Image, quarterTurns: 1 | 2 | 3): Image {
  const { width: w, height: h } = img;
  const c = img.channels;
  const ow = quarterTurns === 2 ? w : h;
  const oh = quarterTurns === 2 ? h : w;
  const out = new Uint8Array(img.data.length);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      // the source pixel of output (x, y)
      const sx = quarterTurns === 1 ? w - 1 - y : quarterTurns === 2 ? w - 1 - x : y;
      const sy = quarterTurns === 1 ? x : quarterTurns === 2 ? h - 1 - y : h - 1 - x;
      const s = (sy * w + sx) * c;
      const d = (y * ow + x) * c;
      for (let k = 0; k < c; k++) out[d + k] = img.data[s + k]!;
    }
  }
  return new Image(ow, oh, img.mode, out);
}
