import { crc16, crc8 } from '../crc';
import { BitReader } from './bit-reader';
import type { FlacStreamInfo } from './flac-stream-info';

/** @internal A FLAC frame that cannot be decoded; the caller adds the file and frame to the message. */
export class FlacFrameError extends Error {}

/** @internal One decoded frame: `blockSize` samples per channel in `channels[c][0..blockSize)`. */
export interface FlacFrame {
  blockSize: number;
  /** Where the next frame starts. */
  end: number;
}

const SAMPLE_RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const SAMPLE_SIZES = [0, 8, 12, -1, 16, 20, 24, 32];
const INDEPENDENT_MAX = 7;
const LEFT_SIDE = 8;
const SIDE_RIGHT = 9;
const MID_SIDE = 10;

/** @internal Whether a FLAC frame's sync code starts at `at`. */
export function isFlacSync(bytes: Uint8Array, at: number): boolean {
  return at + 1 < bytes.length && bytes[at] === 0xff && (bytes[at + 1]! & 0xfe) === 0xf8;
}

/**
 * @internal Decodes the frame at `at` into `out` (one Float64Array per channel, at least 65536
 * long): header with its CRC-8, the subframes (constant, verbatim, fixed and LPC predictors, Rice
 * residuals, wasted bits), the stereo decorrelation, and the CRC-16 over the whole frame. Values
 * are exact integers (doubles hold up to 2^53).
 */
export function decodeFlacFrame(bytes: Uint8Array, at: number, info: FlacStreamInfo, out: Float64Array[]): FlacFrame {
  const r = new BitReader(bytes, at);
  if (!isFlacSync(bytes, at)) throw new FlacFrameError('does not start with a frame sync code');
  r.read(16);
  const blockCode = r.read(4);
  const rateCode = r.read(4);
  const assignment = r.read(4);
  const sizeCode = r.read(3);
  if (r.read(1) !== 0) throw new FlacFrameError('has its reserved header bit set');
  readCodedNumber(r);
  let blockSize: number;
  if (blockCode === 0) throw new FlacFrameError('uses the reserved block size code 0');
  else if (blockCode === 1) blockSize = 192;
  else if (blockCode <= 5) blockSize = 576 * 2 ** (blockCode - 2);
  else if (blockCode === 6) blockSize = r.read(8) + 1;
  else if (blockCode === 7) blockSize = r.read(16) + 1;
  else blockSize = 256 * 2 ** (blockCode - 8);
  let sampleRate: number;
  if (rateCode === 0) sampleRate = info.sampleRate;
  else if (rateCode <= 11) sampleRate = SAMPLE_RATES[rateCode]!;
  else if (rateCode === 12) sampleRate = r.read(8) * 1000;
  else if (rateCode === 13) sampleRate = r.read(16);
  else if (rateCode === 14) sampleRate = r.read(16) * 10;
  else throw new FlacFrameError('uses the invalid sample rate code 15');
  const headerEnd = r.pos;
  if (headerEnd >= bytes.length) throw new FlacFrameError('is cut off in its header');
  if (crc8(bytes, at, headerEnd) !== bytes[headerEnd]) throw new FlacFrameError('fails its header CRC-8 check');
  r.read(8);
  const channels = assignment <= INDEPENDENT_MAX ? assignment + 1 : 2;
  if (assignment > MID_SIDE) throw new FlacFrameError(`uses the reserved channel assignment ${assignment}`);
  if (channels !== info.numChannels) throw new FlacFrameError(`has ${channels} channels, the STREAMINFO says ${info.numChannels}`);
  const bits = sizeCode === 0 ? info.bitsPerSample : SAMPLE_SIZES[sizeCode]!;
  if (bits < 0) throw new FlacFrameError('uses the reserved sample size code 3');
  if (bits !== info.bitsPerSample) throw new FlacFrameError(`has ${bits} bits per sample, the STREAMINFO says ${info.bitsPerSample}`);
  if (sampleRate !== info.sampleRate) throw new FlacFrameError(`has a sample rate of ${sampleRate} Hz, the STREAMINFO says ${info.sampleRate}`);
  for (let c = 0; c < channels; c++) {
    const side = (assignment === LEFT_SIDE && c === 1) || (assignment === SIDE_RIGHT && c === 0) || (assignment === MID_SIDE && c === 1);
    decodeSubframe(r, blockSize, bits + (side ? 1 : 0), out[c]!);
  }
  r.alignToByte();
  const crcAt = r.pos;
  const crc = r.read(16);
  if (crc16(bytes, at, crcAt) !== crc) throw new FlacFrameError('fails its CRC-16 check');
  decorrelate(assignment, blockSize, out);
  return { blockSize, end: r.pos };
}

/** FLAC's UTF-8-like coded frame or sample number (1 to 7 bytes); the value is not needed. */
function readCodedNumber(r: BitReader): void {
  const first = r.read(8);
  let extra = 0;
  if (first < 0x80) extra = 0;
  else if (first >= 0xc0 && first < 0xe0) extra = 1;
  else if (first >= 0xe0 && first < 0xf0) extra = 2;
  else if (first >= 0xf0 && first < 0xf8) extra = 3;
  else if (first >= 0xf8 && first < 0xfc) extra = 4;
  else if (first >= 0xfc && first < 0xfe) extra = 5;
  else if (first === 0xfe) extra = 6;
  else throw new FlacFrameError('has an invalid coded frame number');
  for (let i = 0; i < extra; i++) if ((r.read(8) & 0xc0) !== 0x80) throw new FlacFrameError('has an invalid coded frame number');
}

function decodeSubframe(r: BitReader, n: number, bits: number, out: Float64Array): void {
  if (r.read(1) !== 0) throw new FlacFrameError('has a subframe whose padding bit is set');
  const type = r.read(6);
  let wasted = 0;
  if (r.read(1) === 1) wasted = r.readUnary() + 1;
  const b = bits - wasted;
  if (b < 1) throw new FlacFrameError(`has a subframe with ${wasted} wasted bits of ${bits}`);
  if (type === 0) {
    out.fill(r.readSigned(b), 0, n);
  } else if (type === 1) {
    for (let i = 0; i < n; i++) out[i] = r.readSigned(b);
  } else if (type >= 8 && type <= 12) {
    const order = type - 8;
    if (order > n) throw new FlacFrameError(`has a fixed predictor of order ${order} in a block of ${n}`);
    for (let i = 0; i < order; i++) out[i] = r.readSigned(b);
    decodeResidual(r, n, order, out);
    predictFixed(order, n, out);
  } else if (type >= 32) {
    const order = type - 31;
    if (order > n) throw new FlacFrameError(`has an LPC predictor of order ${order} in a block of ${n}`);
    for (let i = 0; i < order; i++) out[i] = r.readSigned(b);
    const precision = r.read(4) + 1;
    if (precision === 16) throw new FlacFrameError('uses the invalid LPC precision code 15');
    const shift = r.readSigned(5);
    if (shift < 0) throw new FlacFrameError(`uses a negative LPC shift (${shift})`);
    const coefs = new Float64Array(order);
    for (let i = 0; i < order; i++) coefs[i] = r.readSigned(precision);
    decodeResidual(r, n, order, out);
    // Sums of products stay exact in doubles below 2^53; wider streams (32-bit, high precision) use BigInt.
    if (b + 1 + precision + Math.ceil(Math.log2(order + 1)) <= 52) predictLpc(coefs, shift, n, out);
    else predictLpcBig(coefs, shift, n, out);
  } else {
    throw new FlacFrameError(`uses the reserved subframe type ${type}`);
  }
  if (wasted > 0) {
    const scale = 2 ** wasted;
    for (let i = 0; i < n; i++) out[i]! *= scale;
  }
}

function decodeResidual(r: BitReader, n: number, order: number, out: Float64Array): void {
  const method = r.read(2);
  if (method > 1) throw new FlacFrameError(`uses the reserved residual coding method ${method}`);
  const paramBits = method === 0 ? 4 : 5;
  const escapeCode = method === 0 ? 15 : 31;
  const partitionOrder = r.read(4);
  const partitions = 2 ** partitionOrder;
  const perPartition = n / partitions;
  if (!Number.isInteger(perPartition) || perPartition < order) {
    throw new FlacFrameError(`has ${partitions} residual partitions for a block of ${n} with predictor order ${order}`);
  }
  let i = order;
  for (let p = 0; p < partitions; p++) {
    const end = (p + 1) * perPartition;
    const k = r.read(paramBits);
    if (k === escapeCode) {
      const raw = r.read(5);
      for (; i < end; i++) out[i] = raw === 0 ? 0 : r.readSigned(raw);
    } else {
      r.readRiceBlock(k, out, i, end);
      i = end;
    }
  }
}

function predictFixed(order: number, n: number, s: Float64Array): void {
  if (order === 1) for (let i = 1; i < n; i++) s[i]! += s[i - 1]!;
  else if (order === 2) for (let i = 2; i < n; i++) s[i]! += 2 * s[i - 1]! - s[i - 2]!;
  else if (order === 3) for (let i = 3; i < n; i++) s[i]! += 3 * s[i - 1]! - 3 * s[i - 2]! + s[i - 3]!;
  else if (order === 4) for (let i = 4; i < n; i++) s[i]! += 4 * s[i - 1]! - 6 * s[i - 2]! + 4 * s[i - 3]! - s[i - 4]!;
}

function predictLpc(coefs: Float64Array, shift: number, n: number, s: Float64Array): void {
  const order = coefs.length;
  // Scaling by a power of two is exact, and multiplying is faster than dividing.
  const scale = 2 ** -shift;
  for (let i = order; i < n; i++) {
    let sum = 0;
    for (let j = 0, at = i - 1; j < order; j++, at--) sum += coefs[j]! * s[at]!;
    s[i]! += Math.floor(sum * scale);
  }
}

function predictLpcBig(coefs: Float64Array, shift: number, n: number, s: Float64Array): void {
  const order = coefs.length;
  const c = Array.from(coefs, (v) => BigInt(v));
  const sh = BigInt(shift);
  for (let i = order; i < n; i++) {
    let sum = 0n;
    for (let j = 0; j < order; j++) sum += c[j]! * BigInt(s[i - 1 - j]!);
    s[i]! += Number(sum >> sh);
  }
}

function decorrelate(assignment: number, n: number, out: Float64Array[]): void {
  const a = out[0]!;
  const b = out[1]!;
  if (assignment === LEFT_SIDE) {
    for (let i = 0; i < n; i++) b[i] = a[i]! - b[i]!;
  } else if (assignment === SIDE_RIGHT) {
    for (let i = 0; i < n; i++) a[i]! += b[i]!;
  } else if (assignment === MID_SIDE) {
    for (let i = 0; i < n; i++) {
      const side = b[i]!;
      const mid = 2 * a[i]! + (side - 2 * Math.floor(side / 2));
      a[i] = (mid + side) / 2;
      b[i] = (mid - side) / 2;
    }
  }
}
