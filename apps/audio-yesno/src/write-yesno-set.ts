import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, save } from '@dl/audio';
import { tensor } from '@dl/core';
import { normalFrom, seededRandom } from './random';
import { CLIPS_DIR } from './voices';

/** How {@link writeYesNoSet} builds a set. */
export interface YesNoSetOptions {
  /** The voices to speak the clips (names of files in `clips/yes` and `clips/no`). */
  voices: string[];
  /** How many recordings (at most 2^wordsPerClip: every file name is a different label sequence). */
  count: number;
  /** Seed of the words, voices, gaps, gains and noise. */
  seed: number;
  /** Words per recording, as YESNO's eight. @default 8 */
  wordsPerClip?: number;
  /** Where the spoken words are. @default CLIPS_DIR */
  clipsDir?: string;
}

/** What {@link writeYesNoSet} made. */
export interface YesNoSet {
  /** The folder to give `datasets.YESNO` as its root (it holds `waves_yesno/`). */
  root: string;
  /** Whether the files were written now (false: an earlier run's finished set was reused). */
  written: boolean;
}

const SAMPLE_RATE = 8000;

async function readWord(clipsDir: string, word: 'yes' | 'no', voice: string): Promise<Float32Array> {
  const [waveform, sampleRate] = await load(join(clipsDir, word, `${voice}.wav`));
  if (sampleRate !== SAMPLE_RATE) throw new Error(`${word}/${voice}.wav: expected ${SAMPLE_RATE} Hz, got ${sampleRate}`);
  const samples = waveform.dataSync() as Float32Array;
  waveform.dispose();
  return samples;
}

/**
 * Writes a YESNO-style corpus into `root/waves_yesno/`: `count` recordings of one voice saying
 * `wordsPerClip` words, each "yes" or "no", named by their labels as YESNO's files are
 * (`0_1_1_0_0_1_0_1.wav`: 1 is yes), at 8 kHz, 16-bit PCM. Each recording has its own voice
 * (from `voices`), silences of 0.15-0.5 s between the words, a gain per word and faint noise.
 * A finished set (`set.json` with the same options, written last) is reused.
 *
 * @example
 * ```ts
 * const { root } = await writeYesNoSet('.data/train', { voices: listVoices().train, count: 160, seed: 1 });
 * const yesno = await new datasets.YESNO(root).prepare();
 * ```
 */
export async function writeYesNoSet(root: string, options: YesNoSetOptions): Promise<YesNoSet> {
  const { voices, count, seed, wordsPerClip = 8, clipsDir = CLIPS_DIR } = options;
  if (voices.length === 0) throw new Error('writeYesNoSet: no voices');
  if (!Number.isInteger(count) || count < 1 || count > 2 ** wordsPerClip) {
    throw new Error(`writeYesNoSet: count must be an integer in [1, ${2 ** wordsPerClip}], got ${count}`);
  }
  const stamp = JSON.stringify({ voices, count, seed, wordsPerClip, sampleRate: SAMPLE_RATE, version: 1 });
  const marker = join(root, 'set.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return { root, written: false };
  const folder = join(root, 'waves_yesno');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  const words = new Map<string, Float32Array>();
  for (const voice of voices) {
    for (const word of ['yes', 'no'] as const) words.set(`${word}/${voice}`, await readWord(clipsDir, word, voice));
  }
  const rand = seededRandom(seed);
  // Distinct label sequences: a seeded shuffle of all 2^n, then the first `count`.
  const sequences = Array.from({ length: 2 ** wordsPerClip }, (_, i) => i);
  for (let i = sequences.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [sequences[i], sequences[j]] = [sequences[j]!, sequences[i]!];
  }
  for (let n = 0; n < count; n++) {
    const code = sequences[n]!;
    const labels = Array.from({ length: wordsPerClip }, (_, k) => (code >> (wordsPerClip - 1 - k)) & 1);
    const voice = voices[Math.floor(rand() * voices.length)]!;
    const seconds = (lo: number, hi: number) => Math.round((lo + (hi - lo) * rand()) * SAMPLE_RATE);
    const parts: Float32Array[] = [new Float32Array(seconds(0.3, 0.7))];
    for (const label of labels) {
      const word = words.get(`${label ? 'yes' : 'no'}/${voice}`)!;
      const gain = 0.55 + 0.4 * rand();
      parts.push(word.map((v) => v * gain), new Float32Array(seconds(0.15, 0.5)));
    }
    parts.push(new Float32Array(seconds(0.2, 0.4)));
    const total = parts.reduce((s, p) => s + p.length, 0);
    const samples = new Float32Array(total);
    let at = 0;
    for (const p of parts) {
      samples.set(p, at);
      at += p.length;
    }
    const noise = 0.002 + 0.004 * rand();
    for (let i = 0; i < total; i++) samples[i] = Math.max(-1, Math.min(1, samples[i]! + noise * normalFrom(rand)));
    const waveform = tensor(samples, { dtype: 'float32' }).reshape([1, total]);
    await save(join(folder, `${labels.join('_')}.wav`), waveform, SAMPLE_RATE, { encoding: 'PCM_S', bitsPerSample: 16 });
    waveform.dispose();
  }
  writeFileSync(marker, stamp);
  return { root, written: true };
}
