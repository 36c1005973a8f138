import { AmplitudeToDB, MelSpectrogram } from '@dl/audio';
import { scope, tensor } from '@dl/core';
import { utils } from '@dl/vision';
import type { Segment } from './segment-words';

/**
 * Saves a recording's log-mel spectrogram as a grayscale PNG (@dl/vision's `utils.saveImage`):
 * 64 mel bands, low frequencies at the bottom, each band 3 pixels tall, one column per 10 ms,
 * with the words found by `segmentWords` marked by white ticks along the top and bottom edges.
 *
 * @example
 * ```ts
 * await saveSpectrogram(samples, 8000, segments, 'out/spectrogram.png');
 * ```
 */
export async function saveSpectrogram(samples: Float32Array, sampleRate: number, segments: Segment[], path: string): Promise<void> {
  const hop = Math.round(0.01 * sampleRate);
  const db = scope(() => {
    const mel = new MelSpectrogram({ sampleRate, nFft: 2 ** Math.round(Math.log2(0.032 * sampleRate)), hopLength: hop, nMels: 64 });
    return new AmplitudeToDB('power', 80)(mel(tensor(samples).reshape([1, samples.length])));
  });
  const [, bands, frames] = db.shape as [number, number, number];
  const values = db.dataSync() as Float32Array;
  db.dispose();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const scale = 3;
  const tick = 4;
  const height = bands * scale + 2 * tick;
  const pixels = new Float32Array(height * frames);
  for (let b = 0; b < bands; b++) {
    for (let f = 0; f < frames; f++) {
      const v = (values[b * frames + f]! - lo) / (hi - lo || 1);
      // Band 0 (lowest frequency) at the bottom.
      for (let k = 0; k < scale; k++) pixels[(tick + (bands - 1 - b) * scale + k) * frames + f] = v;
    }
  }
  for (const [a, e] of segments) {
    for (let f = Math.floor(a / hop); f < Math.min(frames, Math.ceil(e / hop)); f++) {
      for (let k = 0; k < tick - 1; k++) {
        pixels[k * frames + f] = 1;
        pixels[(height - 1 - k) * frames + f] = 1;
      }
    }
  }
  const image = tensor(pixels).reshape([1, height, frames]);
  await utils.saveImage(image, path);
  image.dispose();
}
