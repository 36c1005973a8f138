import type { Tensor } from '../tensor/tensor';

const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndian(arr: Float32Array | Int32Array | Uint8Array): Uint8Array {
  const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
  if (HOST_LE || arr.BYTES_PER_ELEMENT === 1) return bytes;
  const out = bytes.slice();
  for (let i = 0; i < out.length; i += arr.BYTES_PER_ELEMENT) out.subarray(i, i + arr.BYTES_PER_ELEMENT).reverse();
  return out;
}

/**
 * @internal A tensor's values as little-endian bytes: float32 and int32 as stored (int32 as
 * int64 when `widenInt` is set, as PyTorch's `long`), bool as one 0/1 byte per element.
 */
export function tensorBytes(t: Tensor, widenInt = false): Uint8Array {
  const data = t.dataSync();
  if (t.dtype === 'int32' && widenInt) {
    // int64 as pairs of int32 words (low word, then the sign extension), without BigInt per element.
    const src = data as Int32Array;
    const words = new Int32Array(src.length * 2);
    for (let i = 0; i < src.length; i++) {
      words[2 * i] = src[i];
      words[2 * i + 1] = src[i] < 0 ? -1 : 0;
    }
    if (HOST_LE) return new Uint8Array(words.buffer);
    const out = new Uint8Array(words.length * 4);
    const view = new DataView(out.buffer);
    for (let i = 0; i < src.length; i++) view.setBigInt64(8 * i, BigInt(src[i]), true);
    return out;
  }
  if (t.dtype === 'bool') return Uint8Array.from(data, (v) => (v ? 1 : 0));
  return littleEndian(data);
}
