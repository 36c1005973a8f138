import { describe, expect, it } from 'vitest';
import { concat, fixOggCrc, oggPage, oggPageStarts, text } from '../../../test/fixtures/io/builders';
import { fixtureBytes } from '../../../test/fixtures/io/io-fixtures';
import { AudioDecodeError } from '../../errors/audio-decode-error';
import { AudioFormatError } from '../../errors/audio-format-error';
import { info } from '../info';
import { load } from '../load';

const decodeError = (m: string) => new AudioDecodeError(`load: <buffer>: ${m}`);
const formatError = (m: string) => new AudioFormatError(`load: <buffer>: ${m}`);
const vorbis = () => fixtureBytes('vorbis_stereo.ogg');
// vorbis_stereo.ogg: page 0 (identification header) at 0, page 1 (comment and setup) at 58, page 2 (audio, EOS) at 3665.
const PAGES = [0, 58, 3665];

describe('Ogg Vorbis: bad streams', () => {
  it('knows where the fixture pages are', () => {
    expect(oggPageStarts(vorbis())).toEqual(PAGES);
  });

  it('refuses a page whose CRC-32 fails (libogg drops such pages)', async () => {
    const bytes = vorbis();
    bytes[PAGES[2]! + 100]! ^= 0x20;
    await expect(load(bytes)).rejects.toThrow(decodeError('Ogg page 2 (at byte 3665) fails its CRC-32 check (the data is corrupt)'));
  });

  it('refuses a stream cut inside a page, between pages, or followed by junk before its end', async () => {
    const bytes = vorbis();
    await expect(load(bytes.subarray(0, bytes.length - 10))).rejects.toThrow(decodeError('Ogg page 2 (at byte 3665) claims 1470 bytes of packets but only 1460 follow (the file is truncated)'));
    await expect(load(bytes.subarray(0, PAGES[2]! + 30))).rejects.toThrow(decodeError('Ogg page 2 (at byte 3665) is cut off in its segment table (the file is truncated)'));
    await expect(load(bytes.subarray(0, PAGES[2]!))).rejects.toThrow(decodeError('the Ogg stream ends after page 1 without its last (EOS) page (the file is truncated)'));
    const junk = concat([bytes.subarray(0, PAGES[2]!), text('junk'), bytes.subarray(PAGES[2]!)]);
    await expect(load(junk)).rejects.toThrow(decodeError('expected Ogg page 2 at byte 3665, found 6a 75 6e 6b (the file is corrupt or truncated)'));
  });

  it('refuses page versions other than 0 and a first page that does not begin a stream', async () => {
    const version = vorbis();
    version[PAGES[1]! + 4] = 1;
    fixOggCrc(version, PAGES[1]!);
    await expect(load(version)).rejects.toThrow(formatError('Ogg page 1 has version 1, expected 0'));
    const noBos = vorbis();
    noBos[5] = 0;
    fixOggCrc(noBos, 0);
    await expect(load(noBos)).rejects.toThrow(formatError('the first Ogg page does not begin a stream (no BOS flag)'));
  });

  it('refuses other codecs in Ogg, naming them, and multiplexed or chained streams', async () => {
    const first = (packet: Uint8Array) => oggPage([packet], { flags: 2 });
    await expect(load(first(concat([text('OpusHead'), new Uint8Array(11)])))).rejects.toThrow(formatError('the Ogg stream holds Opus; only Vorbis is supported in Ogg'));
    await expect(load(first(concat([Uint8Array.of(0x7f), text('FLAC'), new Uint8Array(8)])))).rejects.toThrow(formatError('the Ogg stream holds FLAC; only Vorbis is supported in Ogg'));
    await expect(info(first(text('hello, world')))).rejects.toThrow(new AudioFormatError('info: <buffer>: the Ogg stream holds an unknown codec; only Vorbis is supported in Ogg'));
    const bytes = vorbis();
    await expect(load(concat([bytes, bytes]))).rejects.toThrow(formatError('another Ogg stream follows the end of the first at byte 5170: chained Ogg streams are not supported'));
    const [trailing] = await load(concat([bytes, text('ID3 or other junk')]));
    expect(trailing.shape).toEqual([2, 2500]);
    const other = vorbis();
    new DataView(other.buffer).setUint32(PAGES[1]! + 14, 99, true);
    fixOggCrc(other, PAGES[1]!);
    await expect(load(other)).rejects.toThrow(formatError('Ogg page 1 belongs to another logical stream: multiplexed or chained Ogg streams are not supported'));
  });

  it('refuses a Vorbis identification header with version != 0, 0 channels or a 0 Hz rate', async () => {
    const cases: [number, number, string][] = [
      [7, 1, 'the Vorbis stream has version 1, expected 0'],
      [11, 0, 'the Vorbis identification header says 0 channels'],
    ];
    for (const [offset, value, message] of cases) {
      const bytes = vorbis();
      bytes[28 + offset] = value;
      fixOggCrc(bytes, 0);
      await expect(load(bytes)).rejects.toThrow(formatError(message));
    }
    const rate = vorbis();
    rate.fill(0, 28 + 12, 28 + 16);
    fixOggCrc(rate, 0);
    await expect(load(rate)).rejects.toThrow(formatError('the Vorbis identification header says the sample rate is 0 Hz'));
    const short = oggPage([concat([Uint8Array.of(1), text('vorbis'), new Uint8Array(3)])], { flags: 2 });
    await expect(load(short)).rejects.toThrow(formatError('the Vorbis identification header is 10 bytes, expected 30'));
  });

  it('passes on what libvorbis reports for a packet it cannot decode', async () => {
    const bytes = vorbis();
    const body = PAGES[2]! + 27 + bytes[PAGES[2]! + 26]!;
    bytes[body]! |= 1; // an audio packet's type bit set: a header packet where audio should be
    fixOggCrc(bytes, PAGES[2]!);
    await expect(load(bytes)).rejects.toThrow(decodeError('the Vorbis decoder reports: vorbis_synthesisOV_ENOTAUDIO the packet is not an audio packet. (the data is corrupt)'));
  });
});
