import { describe, expect, it } from 'vitest';
import { concat, text } from '../../../test/fixtures/io/builders';
import { fixtureBytes } from '../../../test/fixtures/io/io-fixtures';
import { AudioDecodeError } from '../../errors/audio-decode-error';
import { AudioFormatError } from '../../errors/audio-format-error';
import { info, infoSync } from '../info';
import { load } from '../load';

/** mp3_lame_44k_mono.mp3: an ID3v2 tag (107 bytes), the LAME Info frame at 107, audio frames at 315, 523 and 732, an ID3v1 tag at 941. */
const lame = () => fixtureBytes('mp3_lame_44k_mono.mp3');
const ID3_END = 107;
const ID3V1 = 941;

describe('MP3: streams the decoders resync on', () => {
  it('skips junk before the first frame and after the last, and stops at trailing ID3v1 / APE tags', async () => {
    const bytes = lame();
    const [clean] = await load(bytes);
    const variants = [
      concat([bytes.subarray(0, ID3_END), text('junk before the first frame'), bytes.subarray(ID3_END)]),
      concat([bytes.subarray(0, ID3V1), text('junk after the last frame'), bytes.subarray(ID3V1)]),
      concat([bytes.subarray(0, ID3V1), text('APETAGEX'), new Uint8Array(24)]),
    ];
    for (const variant of variants) {
      const [w] = await load(variant);
      expect(w.dataSync()).toEqual(clean.dataSync());
      expect(infoSync(variant).numFrames).toBe(2000);
    }
  });

  it('returns what the frames present give when the end is cut off, info agreeing with load', async () => {
    const bytes = lame();
    for (const [cut, frames] of [[969, 2000], [769, 1199], [600, 47], [400, 0]] as const) {
      const [w] = await load(bytes.subarray(0, cut));
      expect(w.shape).toEqual([1, frames]);
      expect((await info(bytes.subarray(0, cut))).numFrames).toBe(frames);
    }
  });

  it('refuses data with no MPEG frame and a first frame cut off', async () => {
    await expect(load(concat([lame().subarray(0, ID3_END), text('not an mp3 at all, just text')]))).rejects.toThrow(
      new AudioFormatError('load: <buffer>: no MPEG audio frame found (the data after any ID3 tag starts with 6e 6f 74 20)'),
    );
    await expect(load(text('plain text'), { format: 'mp3' })).rejects.toThrow(new AudioFormatError('load: <buffer>: no MPEG audio frame found (the data after any ID3 tag starts with 70 6c 61 69)'));
    await expect(load(lame().subarray(0, 300))).rejects.toThrow(new AudioDecodeError('load: <buffer>: the first MPEG frame (at byte 107) is cut off by the end of the file (the file is truncated)'));
  });
});
