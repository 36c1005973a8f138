import type { Tensor } from '../tensor/tensor';

const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndian(arr: Float32Array | Int32Array | Uint8Array | BigInt64Array): Uint8Array {
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
  if (t.dtype === 'int32' && widenInt) return littleEndian(BigInt64Array.from(data as Int32Array, (v) => BigInt(v)));
  if (t.dtype === 'bool') return Uint8Array.from(data, (v) => (v ? 1 : 0));
  return littleEndian(data);
}
