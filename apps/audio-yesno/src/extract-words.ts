import type { Tensor } from '@dl/core';
import { type Segment, segmentWords } from './segment-words';
import type { Words } from './word-dataset';

/** A YESNO-style recording: `[waveform [1, frames], sampleRate, labels]`, as `datasets.YESNO` gives it. */
export type Recording = readonly [waveform: Tensor, sampleRate: number, labels: number[]];

/** A map-style dataset of recordings (`datasets.YESNO`, or a `Subset` of it). */
export interface Recordings {
  readonly length: number;
  getItem(index: number): Recording | Promise<Recording>;
}

/**
 * Cuts every recording of `recordings` into its words with {@link segmentWords} (as many as it
 * has labels), giving the words with their labels and where they came from, the segments of
 * every recording, and the first recording's samples (for a picture). All recordings must
 * have one sample rate.
 *
 * @example
 * ```ts
 * const words = await extractWords(await new datasets.YESNO(root).prepare());
 * words.labels.length; // 8 per recording
 * ```
 */
export async function extractWords(recordings: Recordings): Promise<Words & { segments: Segment[][]; first: Float32Array }> {
  const words: Words & { segments: Segment[][]; first: Float32Array } = { waveforms: [], labels: [], recording: [], sampleRate: 0, segments: [], first: new Float32Array() };
  for (let r = 0; r < recordings.length; r++) {
    const [waveform, sampleRate, labels] = await recordings.getItem(r);
    if (words.sampleRate === 0) words.sampleRate = sampleRate;
    else if (sampleRate !== words.sampleRate) throw new Error(`extractWords: recording ${r} has ${sampleRate} Hz, the first had ${words.sampleRate} Hz`);
    // The first channel (YESNO is mono).
    const samples = (waveform.dataSync() as Float32Array).slice(0, waveform.shape[1]);
    waveform.dispose();
    const segments = segmentWords(samples, sampleRate, labels.length);
    words.segments.push(segments);
    if (r === 0) words.first = samples;
    segments.forEach(([a, b], k) => {
      words.waveforms.push(samples.slice(a, b));
      words.labels.push(labels[k]!);
      words.recording.push(r);
    });
  }
  return words;
}
