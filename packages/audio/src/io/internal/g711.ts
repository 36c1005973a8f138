// ITU-T G.711 mu-law and A-law, as libsox codes them: mu-law from a sample rounded to 14 bits,
// A-law from one rounded to 13, and both decoded to 16-bit values (code 0x00 is -32124 in mu-law,
// -5504 in A-law). Written from the standard's segment tables.

/** The 16-bit value of each mu-law code. */
function muLawTable(): Int16Array {
  const out = new Int16Array(256);
  for (let code = 0; code < 256; code++) {
    const u = ~code & 0xff;
    const exponent = (u >> 4) & 7;
    const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
    out[code] = u & 0x80 ? -magnitude : magnitude;
  }
  return out;
}

/** The 16-bit value of each A-law code. */
function aLawTable(): Int16Array {
  const out = new Int16Array(256);
  for (let code = 0; code < 256; code++) {
    const a = code ^ 0x55;
    const exponent = (a >> 4) & 7;
    let magnitude = (a & 0x0f) << 4;
    if (exponent === 0) magnitude += 8;
    else magnitude = (magnitude + 0x108) << (exponent - 1);
    out[code] = a & 0x80 ? magnitude : -magnitude;
  }
  return out;
}

/** @internal The 16-bit linear value of each mu-law code (index = code). */
export const MU_LAW_DECODE: Int16Array = muLawTable();
/** @internal The 16-bit linear value of each A-law code (index = code). */
export const A_LAW_DECODE: Int16Array = aLawTable();

/** @internal The mu-law code of a 14-bit value (-8192..8191: a sox sample rounded to 14 bits). */
export function muLawEncode14(value: number): number {
  let mask = 0xff;
  let v = value;
  if (v < 0) {
    v = -v;
    mask = 0x7f;
  }
  if (v > 8159) v = 8159;
  v += 33;
  // Segments end at 0x3f, 0x7f, ..., 0x1fff: the segment is how far v's top bit sits above bit 5.
  const high = v >> 6;
  const segment = high === 0 ? 0 : 32 - Math.clz32(high);
  if (segment >= 8) return 0x7f ^ mask;
  return ((segment << 4) | ((v >> (segment + 1)) & 0x0f)) ^ mask;
}

/** @internal The A-law code of a 13-bit value (-4096..4095: a sox sample rounded to 13 bits). */
export function aLawEncode13(value: number): number {
  let mask = 0xd5;
  let v = value;
  if (v < 0) {
    mask = 0x55;
    v = -v - 1;
  }
  // Segments end at 0x1f, 0x3f, ..., 0xfff; beyond the last the code saturates.
  const segment = v < 32 ? 0 : 32 - Math.clz32(v >> 5);
  if (segment >= 8) return 0x7f ^ mask;
  const mantissa = segment < 2 ? (v >> 1) & 0x0f : (v >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}
