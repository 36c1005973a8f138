import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { emptyFileError } from './internal/read-lines';

/**
 * One IMDB review: its text (the first line of its file, as classic torchtext read it) and its
 * label, the folder it was in.
 *
 * @example
 * ```ts
 * const review: IMDBReview = { text: 'Bromwell High is a cartoon comedy.', label: 'pos' };
 * ```
 */
export interface IMDBReview {
  text: string;
  label: 'pos' | 'neg';
}

/**
 * Reads the reviews of one IMDB split folder (`aclImdb/train` or `aclImdb/test`): every
 * `pos/*.txt`, then every `neg/*.txt`, in the order of their ids (`0_9.txt`, `1_7.txt`, …,
 * `10_8.txt`; classic torchtext took the file system's order). `unsup/` and the other files are
 * not read. Throws {@link DatasetMissingFileError} when `pos/` or `neg/` is missing and
 * {@link DatasetEmptyFileError} when neither holds a review.
 *
 * @example
 * ```ts
 * const reviews = await readIMDBReviews('.data/imdb/aclImdb/train');
 * reviews.length; // 25000
 * ```
 */
export async function readIMDBReviews(path: string, owner = 'readIMDBReviews'): Promise<IMDBReview[]> {
  const reviews: IMDBReview[] = [];
  for (const label of ['pos', 'neg'] as const) {
    const folder = join(path, label);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
      throw new DatasetMissingFileError(`${owner}: the review folder ${folder} does not exist`, { file: folder });
    }
    names = names.filter((name) => name.endsWith('.txt')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const name of names) {
      const text = await readFile(join(folder, name), 'utf8');
      const end = text.search(/\r\n|\r|\n/);
      reviews.push({ text: end < 0 ? text : text.slice(0, end), label });
    }
  }
  if (reviews.length === 0) throw emptyFileError(path, owner, 'reviews in pos/*.txt and neg/*.txt');
  return reviews;
}
