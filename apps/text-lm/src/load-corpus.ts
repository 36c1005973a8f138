import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Field, LanguageModelingDataset, WikiText2 } from '@dl/text';

/** The Moby-Dick chapters that ship with the app (see the README for their provenance). */
export const EMBEDDED_CORPUS = fileURLToPath(new URL('../data/moby-dick', import.meta.url));

/** The embedded corpus's split files: chapters 1-22, 23-27 and 28-31. */
export const EMBEDDED_FILES = { train: 'train.txt', validation: 'valid.txt', test: 'test.txt' } as const;

/** WikiText-2's split files, as torchtext's `WikiText2` reads them. */
export const WIKITEXT2_FILES = { train: 'wiki.train.tokens', validation: 'wiki.valid.tokens', test: 'wiki.test.tokens' } as const;

/** Thrown when `--data` does not hold WikiText-2; the message names where it looked. */
export class WikiTextFolderError extends Error {
  override name = 'WikiTextFolderError';
}

/** The three corpora and where they came from. */
export interface Corpus {
  train: LanguageModelingDataset;
  valid: LanguageModelingDataset;
  test: LanguageModelingDataset;
  /** `'embedded'`, or the WikiText-2 folder. */
  source: string;
}

/**
 * The folder holding WikiText-2's three files: `dir` itself, `dir/wikitext-2` (the unzipped
 * `wikitext-2-v1.zip`) or `dir/wikitext-2/wikitext-2` (torchtext's `.data` layout).
 */
export function findWikiTextFolder(dir: string): string {
  const candidates = [resolve(dir), resolve(dir, 'wikitext-2'), resolve(dir, 'wikitext-2', 'wikitext-2')];
  const found = candidates.find((d) => Object.values(WIKITEXT2_FILES).every((f) => existsSync(join(d, f))));
  if (found) return found;
  throw new WikiTextFolderError(
    `no WikiText-2 in ${resolve(dir)}: expected ${Object.values(WIKITEXT2_FILES).join(', ')} there, in wikitext-2/ (the unzipped wikitext-2-v1.zip) or in wikitext-2/wikitext-2/ (torchtext's .data layout)`,
  );
}

/**
 * Reads the corpora with @dl/text's language-modeling datasets, every line tokenized by `text`
 * and ended with `<eos>`: the embedded Moby-Dick chapters through
 * `LanguageModelingDataset.splits`, or WikiText-2 through `WikiText2.splits` from `dataDir`
 * (nothing is downloaded).
 *
 * @example
 * ```ts
 * const { train, valid, test } = await loadCorpus(TEXT);
 * ```
 */
export async function loadCorpus(text: Field, dataDir?: string): Promise<Corpus> {
  if (dataDir === undefined) {
    const [train, valid, test] = await LanguageModelingDataset.splits(text, { path: EMBEDDED_CORPUS, ...EMBEDDED_FILES });
    return { train, valid, test, source: 'embedded' };
  }
  const path = findWikiTextFolder(dataDir);
  const [train, valid, test] = await WikiText2.splits(text, { path });
  return { train, valid, test, source: path };
}
