import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed clips: `clips/yes/<voice>.wav` and `clips/no/<voice>.wav` (scripts/make-clips.sh). */
export const CLIPS_DIR = fileURLToPath(new URL('../clips', import.meta.url));

/** The voice variants held out of training: the test set is spoken by voices the model never heard. */
export const TEST_VARIANTS = ['m7', 'f4'];

/**
 * The voices that have both a "yes" and a "no" clip in `clipsDir`, split into training and test
 * voices by variant (every accent is in both parts; the variants in {@link TEST_VARIANTS} only in test).
 */
export function listVoices(clipsDir: string = CLIPS_DIR): { train: string[]; test: string[] } {
  const names = (word: string) => new Set(readdirSync(`${clipsDir}/${word}`).filter((f) => f.endsWith('.wav')).map((f) => f.slice(0, -4)));
  const yes = names('yes');
  const both = [...names('no')].filter((v) => yes.has(v)).sort();
  const isTest = (v: string) => TEST_VARIANTS.includes(v.split('+')[1] ?? '');
  return { train: both.filter((v) => !isTest(v)), test: both.filter(isTest) };
}
