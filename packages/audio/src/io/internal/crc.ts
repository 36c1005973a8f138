// The CRCs of the containers: FLAC's CRC-8 (polynomial 0x07) over a frame header and CRC-16
// (0x8005) over a frame, Ogg's CRC-32 (0x04C11DB7) over a page. All MSB-first, initial value 0,
// no final XOR.

function table(bits: 8 | 16 | 32, poly: number): Uint32Array {
  const out = new Uint32Array(256);
  const top = 2 ** (bits - 1);
  const mask = 2 ** bits - 1;
  for (let i = 0; i < 256; i++) {
    let r = i * 2 ** (bits - 8);
    for (let k = 0; k < 8; k++) r = r >= top ? (((r - top) * 2) ^ poly) >>> 0 : r * 2;
    out[i] = (r >>> 0) & mask;
  }
  return out;
}

const CRC8 = table(8, 0x07);
const CRC16 = table(16, 0x8005);
const CRC32 = table(32, 0x04c11db7);

/** @internal FLAC's CRC-8 of bytes[from, to). */
export function crc8(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = CRC8[crc ^ bytes[i]!]!;
  return crc;
}

/** @internal FLAC's CRC-16 of bytes[from, to). */
export function crc16(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ CRC16[(crc >> 8) ^ bytes[i]!]!;
  return crc;
}

/** @internal Ogg's CRC-32 of bytes[from, to), with the page's own CRC field (bytes 22-25 of the page at `page`) read as zeros. */
export function oggCrc32(bytes: Uint8Array, from: number, to: number, page: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    const b = i >= page + 22 && i < page + 26 ? 0 : bytes[i]!;
    crc = ((crc << 8) ^ CRC32[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  }
  return crc;
}
