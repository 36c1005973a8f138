import type { IdxDType } from '../../src/datasets/idx';

const CODE: Record<IdxDType, number> = { uint8: 0x08, int8: 0x09, int16: 0x0b, int32: 0x0c, float32: 0x0d, float64: 0x0e };
const SIZE: Record<IdxDType, number> = { uint8: 1, int8: 1, int16: 2, int32: 4, float32: 4, float64: 8 };

/** The bytes of an IDX file (big-endian, as LeCun's files and QMNIST's are) holding `values`. */
export function idxBytes(dtype: IdxDType, shape: readonly number[], values: ArrayLike<number>): Uint8Array {
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + values.length * SIZE[dtype]);
  const view = new DataView(out.buffer);
  out[2] = CODE[dtype];
  out[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < values.length; i++) {
    const at = header + i * SIZE[dtype];
    const v = values[i]!;
    if (dtype === 'uint8') view.setUint8(at, v);
    else if (dtype === 'int8') view.setInt8(at, v);
    else if (dtype === 'int16') view.setInt16(at, v, false);
    else if (dtype === 'int32') view.setInt32(at, v, false);
    else if (dtype === 'float32') view.setFloat32(at, v, false);
    else view.setFloat64(at, v, false);
  }
  return out;
}

/** `n` MNIST-like images of `h` x `w`: pixel (i, y, x) = (i * 31 + y * 7 + x * 3) % 256, so every item differs. */
export function imagePixels(n: number, h: number, w: number): Uint8Array {
  const out = new Uint8Array(n * h * w);
  for (let i = 0; i < n; i++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[(i * h + y) * w + x] = (i * 31 + y * 7 + x * 3) % 256;
  return out;
}
