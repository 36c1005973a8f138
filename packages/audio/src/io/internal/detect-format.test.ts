import { describe, expect, it } from 'vitest';
import { concat, text, u32 } from '../../../test/fixtures/io/builders';
import { AudioFormatError } from '../../errors/audio-format-error';
import { loadSync } from '../load';

const at = (m: string) => new AudioFormatError(`loadSync: <buffer>: ${m}`);

describe('format detection', () => {
  it('refuses empty input and data that is not audio, showing its first bytes', () => {
    expect(() => loadSync(new Uint8Array(0))).toThrow(at('empty input (0 bytes), not audio'));
    expect(() => loadSync(text('hello, world'))).toThrow(at('not audio in a supported format (WAV, FLAC, MP3, Ogg Vorbis): the data starts with 68 65 6c 6c 6f 2c 20 77'));
  });

  it('names audio formats it does not read', () => {
    const cases: [Uint8Array, string][] = [
      [concat([text('FORM'), u32(4), text('AIFF')]), 'AIFF audio'],
      [concat([text('FORM'), u32(4), text('AIFC')]), 'AIFF audio'],
      [concat([text('.snd'), new Uint8Array(20)]), 'Sun/NeXT AU audio'],
      [text('NIST_1A\n   1024\n'), 'NIST SPHERE audio'],
      [concat([text('caff'), new Uint8Array(8)]), 'Core Audio (CAF) audio'],
      [concat([u32(0x20000000), text('ftypM4A ')]), 'MP4/M4A audio'],
    ];
    for (const [bytes, name] of cases) expect(() => loadSync(bytes)).toThrow(at(`${name} is not supported (WAV, FLAC, MP3 and Ogg Vorbis are)`));
    expect(() => loadSync(concat([text('FORM'), u32(4), text('AIFF')]), { format: 'wav' })).toThrow(at("format 'wav' was asked for, but this is AIFF audio"));
    expect(() => loadSync(text('hello, world'), { format: 'flac' })).toThrow(at("format 'flac' was asked for, but this is data starting with 68 65 6c 6c 6f 2c 20 77"));
  });
});
