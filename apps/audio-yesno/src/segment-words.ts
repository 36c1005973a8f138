/** A word's place in a recording, in samples: `[start, end)`. */
export type Segment = [start: number, end: number];

/** How {@link segmentWords} finds the words. */
export interface SegmentOptions {
  /** Analysis frame length in seconds. @default 0.025 */
  frame?: number;
  /** Hop between frames in seconds. @default 0.01 */
  hop?: number;
  /** Where between the noise floor (0) and the loud frames (1) the speech threshold sits, in dB. @default 0.3 */
  threshold?: number;
  /** Silences shorter than this (seconds) do not end a word. @default 0.08 */
  minGap?: number;
  /** Margin added on both sides of each word (seconds). @default 0.03 */
  margin?: number;
}

/**
 * Finds the `count` spoken words of a recording from its short-time energy: frames louder than a
 * threshold between the noise floor and the loud frames (in dB) are speech; runs of speech
 * separated by less than `minGap` join; then, while there are too many runs, the two closest
 * join, and while there are too few, the longest splits at its quietest frame. YESNO's words are
 * separated by clear pauses, so this finds them in the real corpus and in the app's clips alike.
 *
 * @example
 * ```ts
 * const [waveform, sr] = await load('waves_yesno/0_1_0_0_1_0_1_1.wav');
 * segmentWords(waveform.dataSync() as Float32Array, sr, 8); // eight [start, end) pairs
 * ```
 */
export function segmentWords(samples: Float32Array, sampleRate: number, count: number, options: SegmentOptions = {}): Segment[] {
  const { frame = 0.025, hop = 0.01, threshold = 0.3, minGap = 0.08, margin = 0.03 } = options;
  const frameLen = Math.round(frame * sampleRate);
  const hopLen = Math.round(hop * sampleRate);
  const frames = Math.max(1, Math.floor((samples.length - frameLen) / hopLen) + 1);
  if (samples.length < frameLen * count) throw new Error(`segmentWords: ${samples.length} samples are too few for ${count} words`);
  const db = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    let e = 0;
    for (let i = f * hopLen, end = Math.min(samples.length, i + frameLen); i < end; i++) e += samples[i]! * samples[i]!;
    db[f] = 10 * Math.log10(e / frameLen + 1e-12);
  }
  const sorted = Array.from(db).sort((a, b) => a - b);
  const floor = sorted[Math.floor(0.1 * (frames - 1))]!;
  const loud = sorted[Math.floor(0.98 * (frames - 1))]!;
  const cut = floor + threshold * (loud - floor);

  // Runs of speech frames, [first, last + 1).
  let runs: [number, number][] = [];
  for (let f = 0; f < frames; f++) {
    if (db[f]! <= cut) continue;
    const last = runs[runs.length - 1];
    if (last && f - last[1] < minGap / hop) last[1] = f + 1;
    else runs.push([f, f + 1]);
  }
  if (runs.length === 0) runs = [[0, frames]];
  // Drop clicks far shorter than a word while more runs than words remain.
  runs = runs.filter((r, _, all) => all.length <= count || r[1] - r[0] >= 4);
  while (runs.length > count) {
    let best = 0;
    for (let i = 1; i < runs.length - 1; i++) if (runs[i + 1]![0] - runs[i]![1] < runs[best + 1]![0] - runs[best]![1]) best = i;
    runs.splice(best, 2, [runs[best]![0], runs[best + 1]![1]]);
  }
  while (runs.length < count) {
    let longest = 0;
    for (let i = 1; i < runs.length; i++) if (runs[i]![1] - runs[i]![0] > runs[longest]![1] - runs[longest]![0]) longest = i;
    const [a, b] = runs[longest]!;
    if (b - a < 2) {
      // Nothing left to split: spread the remaining words over the recording's end.
      runs.push([Math.max(0, frames - 1), frames]);
      continue;
    }
    // The quietest frame in the middle half of the run.
    let at = a + Math.floor((b - a) / 4);
    for (let f = at; f < a + Math.ceil((3 * (b - a)) / 4); f++) if (db[f]! < db[at]!) at = f;
    at = Math.min(Math.max(at, a + 1), b - 1);
    runs.splice(longest, 1, [a, at], [at, b]);
  }
  const pad = Math.round(margin * sampleRate);
  return runs.map(([a, b]) => [Math.max(0, a * hopLen - pad), Math.min(samples.length, (b - 1) * hopLen + frameLen + pad)]);
}
