import { ArgumentTypeError } from '@dl/core';
import { describeInput } from '../../transforms/functional/internal/image-input';

/**
 * @internal Bytes as decoders take them: a `Uint8Array` (a Node `Buffer` is one; it comes back as
 * a plain view, since `Buffer#slice` does not copy) or an `ArrayBuffer`.
 */
export function toBytes(input: unknown, op: string): Uint8Array {
  if (input instanceof Uint8Array) return plainBytes(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new ArgumentTypeError(`${op}: expected the encoded image as a Uint8Array or ArrayBuffer, got ${describeInput(input)}`);
}

/** @internal A plain `Uint8Array` view of a Node `Buffer` (whose `slice` would share memory). */
export function plainBytes(data: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(data) === Uint8Array.prototype ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** @internal An ArrayBuffer holding exactly the bytes (the view's own when it spans all of it, else a copy). */
export function exactArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return Uint8Array.prototype.slice.call(bytes).buffer as ArrayBuffer;
}
