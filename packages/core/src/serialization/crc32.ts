// Slicing-by-8 CRC-32 (the zip polynomial 0xEDB88320): eight table lookups per 8 bytes, reading
// the input as 32-bit words where it is aligned (little-endian hosts).
const TABLES: Uint32Array[] = (() => {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let s = 1; s < 8; s++) t[s][n] = (t[0][t[s - 1][n] & 0xff] ^ (t[s - 1][n] >>> 8)) >>> 0;
  }
  return t;
})();

const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type NativeCrc = (data: Uint8Array, value?: number) => number;

// Node (20.16+, 22.3+) has a native CRC-32 in zlib, several times faster. It is looked up at run
// time, without an import, so this module stays browser-safe; elsewhere the JavaScript one runs.
const native: NativeCrc | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as { crc32?: NativeCrc } | undefined;
  return typeof zlib?.crc32 === 'function' ? zlib.crc32 : undefined;
})();

/** @internal Continues a CRC-32 over more bytes (`crc` 0 to start); returns the unsigned value. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  return native ? native(bytes, crc) >>> 0 : crc32Js(bytes, crc);
}

/** @internal The portable CRC-32 (what browsers use). */
export function crc32Js(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n = bytes.length;
  // Bytes one at a time up to a 4-byte boundary, then 8 bytes per step as two words.
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) c = t0[(c ^ bytes[i++]) & 0xff] ^ (c >>> 8);
  if (HOST_LE && n - i >= 8) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2);
    const pairs = words.length >>> 1;
    for (let w = 0; w < 2 * pairs; w += 2) {
      const a = c ^ words[w];
      const b = words[w + 1];
      c = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^ t3[b & 0xff] ^ t2[(b >>> 8) & 0xff] ^ t1[(b >>> 16) & 0xff] ^ t0[b >>> 24];
    }
    i += pairs * 8;
  }
  for (; i < n; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
