import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/fixtures/io/io-fixtures';
import { A_LAW_DECODE, aLawEncode13, MU_LAW_DECODE, muLawEncode14 } from './g711';
import { soxToSigned } from './sox-sample';

const G711: Record<'ULAW' | 'ALAW', { decode: number[]; encodeRuns: [number, number][] }> = JSON.parse(readFileSync(fixturePath('g711.json'), 'utf8'));

describe('G.711 as torchaudio (libsox) codes it', () => {
  it.each([
    ['ULAW', MU_LAW_DECODE],
    ['ALAW', A_LAW_DECODE],
  ] as const)('%s decodes all 256 codes to torchaudio values', (name, table) => {
    expect(Array.from(table)).toEqual(G711[name].decode);
  });

  it.each([
    ['ULAW', (s: number) => muLawEncode14(soxToSigned(s, 14))],
    ['ALAW', (s: number) => aLawEncode13(soxToSigned(s, 13))],
  ] as const)('%s encodes all 65536 16-bit values to the codes torchaudio.save writes', (name, encode) => {
    const runs = G711[name].encodeRuns;
    let wrong = 0;
    runs.forEach(([start, code], r) => {
      const end = r + 1 < runs.length ? runs[r + 1]![0] : 32768;
      for (let v = start; v < end; v++) if (encode(v * 65536) !== code) wrong++;
    });
    expect(wrong).toBe(0);
  });
});
