import { describe, expect, it } from 'vitest';
import { seededRandom, normalFrom } from './random';
import { segmentWords } from './segment-words';

/** Noise bursts (the "words") of the given lengths and gaps, over faint noise, at 8 kHz. */
function bursts(words: [start: number, length: number][], total: number, seed = 3): Float32Array {
  const rand = seededRandom(seed);
  const x = new Float32Array(total);
  for (let i = 0; i < total; i++) x[i] = 0.002 * normalFrom(rand);
  for (const [start, length] of words) {
    for (let i = start; i < start + length; i++) x[i]! += 0.3 * Math.sin(i * 0.3) * Math.sin((Math.PI * (i - start)) / length);
  }
  return x;
}

describe('segmentWords', () => {
  it('finds eight words separated by pauses, each within 40 ms of where it is', () => {
    const words: [number, number][] = [];
    let at = 3000;
    for (let k = 0; k < 8; k++) {
      const length = 2400 + 300 * (k % 3);
      words.push([at, length]);
      at += length + 1600 + 400 * (k % 2);
    }
    const segments = segmentWords(bursts(words, at + 2000), 8000, 8);
    expect(segments).toHaveLength(8);
    segments.forEach(([a, b], k) => {
      const [start, length] = words[k]!;
      expect(Math.abs(a - start)).toBeLessThan(0.04 * 8000 + 0.03 * 8000);
      expect(Math.abs(b - (start + length))).toBeLessThan(0.04 * 8000 + 0.03 * 8000);
    });
  });

  it('splits a run when two words touch, and joins when a word has a short dip', () => {
    // Words 3 and 4 touch (no pause); word 6 has a 40 ms dip inside it.
    const words: [number, number][] = [
      [2000, 2000],
      [6000, 2000],
      [10000, 2000],
      [12000, 2000],
      [16000, 2000],
      [20000, 1000],
      [21320, 1000],
      [25000, 2000],
      [29000, 2000],
    ];
    const segments = segmentWords(bursts(words, 33000), 8000, 8);
    expect(segments).toHaveLength(8);
    // The touching pair became two segments: one ends, the next begins, near sample 12000.
    expect(Math.abs(segments[2]![1] - 12000)).toBeLessThan(1400);
    expect(Math.abs(segments[3]![0] - 12000)).toBeLessThan(1400);
    // The word with a dip is one segment spanning both halves.
    expect(segments[5]![0]).toBeLessThan(20000);
    expect(segments[5]![1]).toBeGreaterThan(22320);
  });

  it('refuses a recording too short for its words', () => {
    expect(() => segmentWords(new Float32Array(100), 8000, 8)).toThrow('segmentWords: 100 samples are too few for 8 words');
  });
});
