import { describe, expect, it } from 'vitest';
import { type BitWriter, concat, fixFlacHeaderCrc, flacFrame, flacHeader, text } from '../../../../test/fixtures/io/builders';
import { fixtureBytes } from '../../../../test/fixtures/io/io-fixtures';
import { AudioDecodeError } from '../../../errors/audio-decode-error';
import { AudioFormatError } from '../../../errors/audio-format-error';
import { infoSync } from '../../info';
import { loadSync } from '../../load';
import { soxToFloat } from '../sox-sample';

const decodeError = (m: string) => new AudioDecodeError(`loadSync: <buffer>: ${m}`);
const formatError = (m: string) => new AudioFormatError(`loadSync: <buffer>: ${m}`);
/** The raw integer samples of a decoded stream (bps-bit values). */
const ints = (bytes: Uint8Array, bps: number) => Array.from(loadSync(bytes)[0].dataSync(), (v) => Math.round(v * 2 ** (bps - 1)));

/** A subframe header: type, wasted bits (0 = none). */
function subframe(w: BitWriter, type: number, wasted = 0): BitWriter {
  w.write(1, 0).write(6, type).write(1, wasted > 0 ? 1 : 0);
  if (wasted > 0) w.unary(wasted - 1);
  return w;
}

/** A residual with Rice partitions: method 0 (4-bit parameters), `order` partitions given as [parameter, values]. */
function residual(w: BitWriter, partitionOrder: number, partitions: [number, number[]][], method = 0): void {
  w.write(2, method).write(4, partitionOrder);
  for (const [k, values] of partitions) {
    w.write(method === 0 ? 4 : 5, k);
    for (const v of values) w.rice(k, v);
  }
}

describe('FLAC: subframes and channel modes, on streams written bit by bit', () => {
  it('decodes constant, verbatim, fixed and LPC subframes, wasted bits and escaped partitions exactly', () => {
    const frame = flacFrame({ blockSize: 8, assignment: 4 }, (w) => {
      subframe(w, 0).writeSigned(16, -1234); // constant
      subframe(w, 1);
      for (const v of [1, -2, 3, -4, 5, -6, 7, -32768]) w.writeSigned(16, v); // verbatim
      subframe(w, 8 + 2).writeSigned(16, 10).writeSigned(16, 20); // fixed order 2: s = 2 s1 - s2 + r
      residual(w, 1, [[2, [0, 1]], [3, [-1, 5, -5, 0]]]);
      subframe(w, 31 + 2).writeSigned(16, 100).writeSigned(16, 50); // LPC order 2, precision 4, shift 1, coefs 3, -1
      w.write(4, 3).writeSigned(5, 1).writeSigned(4, 3).writeSigned(4, -1);
      w.write(2, 1).write(4, 0).write(5, 31).write(5, 6); // method 1, one escaped partition of 6-bit raw values
      for (const v of [1, -1, 0, 31, -32, 2]) w.writeSigned(6, v);
      subframe(w, 1, 3); // verbatim with 3 wasted bits: 13-bit values, shifted back up
      for (const v of [1, -1, 100, -100, 4095, -4096, 0, 7]) w.writeSigned(13, v);
    });
    const bytes = concat([flacHeader({ rate: 8000, channels: 5, bps: 16, total: 8 }), frame]);
    const got = ints(bytes, 16);
    const fixed = [10, 20];
    for (const r of [0, 1, -1, 5, -5, 0]) fixed.push(2 * fixed.at(-1)! - fixed.at(-2)! + r);
    const lpc = [100, 50];
    for (const r of [1, -1, 0, 31, -32, 2]) lpc.push(Math.floor((3 * lpc.at(-1)! - lpc.at(-2)!) / 2) + r);
    expect(got).toEqual([...Array(8).fill(-1234), 1, -2, 3, -4, 5, -6, 7, -32768, ...fixed, ...lpc, ...[1, -1, 100, -100, 4095, -4096, 0, 7].map((v) => v * 8)]);
  });

  it('decodes Rice parameters from 0 to 30 (wider than one refill of the reader) in a 32-bit stream', () => {
    const values = [0, 1, -1, 2 ** 29, -(2 ** 29), 2 ** 31 - 1, -(2 ** 31), 12345];
    const frame = flacFrame({ blockSize: 8, assignment: 0 }, (w) => {
      subframe(w, 8); // fixed order 0: the residuals are the samples
      w.write(2, 1).write(4, 2); // method 1 (5-bit parameters), 4 partitions of 2
      for (const [k, pair] of [[0, [0, 1]], [5, [-1, 2 ** 29]], [28, [-(2 ** 29), 2 ** 31 - 1]], [30, [-(2 ** 31), 12345]]] as [number, number[]][]) {
        w.write(5, k);
        for (const v of pair) w.rice(k, v);
      }
    });
    // 32-bit samples come back as torchaudio gives them: libsox's float of each (see sox-sample.ts).
    const [w] = loadSync(concat([flacHeader({ rate: 8000, channels: 1, bps: 32, total: 8 }), frame]));
    expect(Array.from(w.dataSync())).toEqual(values.map(soxToFloat));
  });

  it('undoes left/side, side/right and mid/side stereo (the side channel has one bit more)', () => {
    const left = [100, -100, 32767, -32768];
    const right = [-50, 51, -32768, 32767];
    const stereo = (assignment: number, a: number[], b: number[], bitsA: number, bitsB: number) =>
      flacFrame({ blockSize: 4, assignment }, (w) => {
        subframe(w, 1);
        for (const v of a) w.writeSigned(bitsA, v);
        subframe(w, 1);
        for (const v of b) w.writeSigned(bitsB, v);
      });
    const side = left.map((l, i) => l - right[i]!);
    const mid = left.map((l, i) => Math.floor((l + right[i]!) / 2));
    const header = flacHeader({ rate: 8000, channels: 2, bps: 16, total: 4 });
    for (const frame of [stereo(8, left, side, 16, 17), stereo(9, side, right, 17, 16), stereo(10, mid, side, 16, 17)]) {
      expect(ints(concat([header, frame]), 16)).toEqual([...left, ...right]);
    }
  });

  it('stops at the STREAMINFO sample count, as libsox does, and accepts a trailing ID3v1 tag', () => {
    const frame = (index: number) => flacFrame({ blockSize: 4, assignment: 0, index }, (w) => subframe(w, 0).writeSigned(16, index + 1));
    const two = concat([frame(0), frame(1)]);
    expect(ints(concat([flacHeader({ rate: 8000, channels: 1, bps: 16, total: 6 }), two]), 16)).toEqual([1, 1, 1, 1, 2, 2]);
    expect(ints(concat([flacHeader({ rate: 8000, channels: 1, bps: 16, total: 0 }), two, text('TAG'), new Uint8Array(125)]), 16)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(infoSync(concat([flacHeader({ rate: 8000, channels: 1, bps: 16, total: 0 }), two])).numFrames).toBe(8);
  });
});

describe('FLAC: bad streams', () => {
  const header = flacHeader({ rate: 8000, channels: 1, bps: 16, total: 4 });
  const stream = (body: (w: BitWriter) => void, f: Partial<Parameters<typeof flacFrame>[0]> = {}) => concat([header, flacFrame({ blockSize: 4, assignment: 0, ...f }, body)]);
  const frameError = (m: string) => decodeError(`FLAC frame 0 (at byte 42) ${m} (the data is corrupt)`);

  it('refuses reserved and invalid subframe fields', () => {
    expect(() => loadSync(stream((w) => w.write(1, 1).write(7, 0)))).toThrow(frameError('has a subframe whose padding bit is set'));
    expect(() => loadSync(stream((w) => subframe(w, 2)))).toThrow(frameError('uses the reserved subframe type 2'));
    expect(() => loadSync(stream((w) => subframe(w, 13)))).toThrow(frameError('uses the reserved subframe type 13'));
    expect(() => loadSync(stream((w) => subframe(w, 1, 16)))).toThrow(frameError('has a subframe with 16 wasted bits of 16'));
    expect(() => loadSync(stream((w) => subframe(w, 31 + 5)))).toThrow(frameError('has an LPC predictor of order 5 in a block of 4'));
    expect(() => loadSync(stream((w) => subframe(w, 8 + 4).write(64, 0).write(2, 2)))).toThrow(frameError('uses the reserved residual coding method 2'));
    expect(() => loadSync(stream((w) => subframe(w, 8 + 2).write(32, 0).write(2, 0).write(4, 2)))).toThrow(frameError('has 4 residual partitions for a block of 4 with predictor order 2'));
    expect(() => loadSync(stream((w) => subframe(w, 31 + 1).write(16, 0).write(4, 15)))).toThrow(frameError('uses the invalid LPC precision code 15'));
    expect(() => loadSync(stream((w) => subframe(w, 31 + 1).write(16, 0).write(4, 3).writeSigned(5, -2)))).toThrow(frameError('uses a negative LPC shift (-2)'));
  });

  it('refuses frame headers that disagree with STREAMINFO', () => {
    const body = (w: BitWriter) => subframe(w, 0).writeSigned(16, 0);
    expect(() => loadSync(stream(body, { assignment: 1 }))).toThrow(frameError('has 2 channels, the STREAMINFO says 1'));
    expect(() => loadSync(stream(body, { assignment: 11 }))).toThrow(frameError('uses the reserved channel assignment 11'));
    expect(() => loadSync(stream(body, { sizeCode: 1 }))).toThrow(frameError('has 8 bits per sample, the STREAMINFO says 16'));
    expect(() => loadSync(stream(body, { sizeCode: 3 }))).toThrow(frameError('uses the reserved sample size code 3'));
    expect(() => loadSync(stream(body, { rateCode: 9 }))).toThrow(frameError('has a sample rate of 44100 Hz, the STREAMINFO says 8000'));
    expect(() => loadSync(stream(body, { rateCode: 15 }))).toThrow(frameError('uses the invalid sample rate code 15'));
  });

  it('refuses frames whose CRCs do not match, and cut-off frames', () => {
    const good = stream((w) => subframe(w, 0).writeSigned(16, 7));
    const badHeader = good.slice();
    badHeader[42 + 7]! ^= 1;
    expect(() => loadSync(badHeader)).toThrow(frameError('fails its header CRC-8 check'));
    const badBody = good.slice();
    badBody[badBody.length - 3]! ^= 0x10;
    expect(() => loadSync(badBody)).toThrow(frameError('fails its CRC-16 check'));
    expect(() => loadSync(good.subarray(0, good.length - 1))).toThrow(decodeError('FLAC frame 0 (at byte 42) is cut off by the end of the file (the file is truncated)'));
    const reserved = good.slice();
    reserved[42 + 3]! |= 1;
    expect(() => loadSync(reserved)).toThrow(frameError('has its reserved header bit set'));
    const badNumber = good.slice();
    badNumber[42 + 4] = 0xff;
    expect(() => loadSync(badNumber)).toThrow(frameError('has an invalid coded frame number'));
  });

  it('refuses a stream that ends before its STREAMINFO sample count, and data that is not a frame', () => {
    const bytes = fixtureBytes('flac_s16_stereo.flac');
    const frames = [...bytes.keys()].filter((i) => i > 42 && bytes[i] === 0xff && bytes[i + 1] === 0xf8);
    const secondFrame = frames.find((i) => {
      try {
        loadSync(bytes.subarray(0, i));
        return false;
      } catch (e) {
        return (e as Error).message.includes('ends after 4096');
      }
    })!;
    expect(() => loadSync(bytes.subarray(0, secondFrame))).toThrow(decodeError('the FLAC stream ends after 4096 samples per channel, its STREAMINFO says 4600 (the file is truncated)'));
    const junk = bytes.slice();
    junk.fill(0x55, secondFrame, secondFrame + 4);
    expect(() => loadSync(junk)).toThrow(decodeError(`expected FLAC frame 1 at byte ${secondFrame}, found 55 55 55 55 (the data is corrupt)`));
    // Only frames before the requested range are decoded: a corrupt later frame does not matter.
    expect(loadSync(junk, { numFrames: 100 })[0].shape).toEqual([2, 100]);
  });

  it('checks a fixture frame header (libFLAC-written) the same way', () => {
    const bytes = fixtureBytes('flac_fixed_5ch.flac');
    const first = [...bytes.keys()].find((i) => bytes[i] === 0xff && bytes[i + 1] === 0xf8)!;
    // Frame number 0 takes one byte; the block size and rate codes say how many bytes follow.
    const blockCode = bytes[first + 2]! >> 4;
    const rateCode = bytes[first + 2]! & 0x0f;
    const length = 5 + (blockCode === 6 ? 1 : blockCode === 7 ? 2 : 0) + (rateCode === 12 ? 1 : rateCode >= 13 ? 2 : 0);
    bytes[first + 3] = (bytes[first + 3]! & 0x0f) | (1 << 4);
    fixFlacHeaderCrc(bytes, first, length);
    expect(() => loadSync(bytes)).toThrow(decodeError(`FLAC frame 0 (at byte ${first}) has 2 channels, the STREAMINFO says 5 (the data is corrupt)`));
  });
});

describe('FLAC: bad metadata', () => {
  const streamInfo = flacHeader({ rate: 8000, channels: 1, bps: 16, total: 4 });

  it('refuses metadata blocks that run past the end, a missing or second STREAMINFO, and type 127', () => {
    expect(() => loadSync(streamInfo.subarray(0, 20))).toThrow(formatError('FLAC metadata block 0 (type 0) claims 34 bytes but only 12 follow it (the file is truncated)'));
    expect(() => loadSync(text('fLaC'))).toThrow(formatError('the FLAC metadata ends at byte 4, inside the header of block 0 (the file is truncated)'));
    const notLast = streamInfo.slice();
    notLast[4] = 0;
    expect(() => loadSync(notLast)).toThrow(formatError('the FLAC metadata ends at byte 42, inside the header of block 1 (the file is truncated)'));
    expect(() => loadSync(concat([text('fLaC'), Uint8Array.of(0x81, 0, 0, 4), new Uint8Array(4)]))).toThrow(formatError('the first FLAC metadata block must be a 34-byte STREAMINFO, found type 1 of 4 bytes'));
    expect(() => loadSync(concat([notLast, Uint8Array.of(0xff, 0, 0, 0)]))).toThrow(formatError('FLAC metadata block 1 has the invalid type 127'));
    expect(() => loadSync(concat([notLast, Uint8Array.of(0x80, 0, 0, 34), streamInfo.subarray(8)]))).toThrow(formatError('FLAC metadata block 1 is a second STREAMINFO'));
  });

  it('refuses a 0 Hz sample rate and bit depths under 4', () => {
    expect(() => loadSync(flacHeader({ rate: 0, channels: 1, bps: 16, total: 4 }))).toThrow(formatError('the FLAC STREAMINFO says the sample rate is 0 Hz'));
    expect(() => loadSync(flacHeader({ rate: 8000, channels: 1, bps: 3, total: 4 }))).toThrow(formatError('the FLAC STREAMINFO says 3 bits per sample (4 to 32 are valid)'));
  });

  it('reads a stream behind an ID3v2 tag, and returns [C, 0] for a stream of no frames', () => {
    const id3 = concat([text('ID3'), Uint8Array.of(4, 0, 0, 0, 0, 0, 5), new Uint8Array(5)]);
    const frame = flacFrame({ blockSize: 4, assignment: 0 }, (w) => subframe(w, 0).writeSigned(16, 3));
    expect(ints(concat([id3, streamInfo, frame]), 16)).toEqual([3, 3, 3, 3]);
    expect(loadSync(flacHeader({ rate: 8000, channels: 2, bps: 16, total: 0 }))[0].shape).toEqual([2, 0]);
  });
});
