import { DatasetError } from '@dl/core/node';

/**
 * A dataset's files are there but do not hold what the dataset expects: its folder has no audio
 * files, a transcript or list line names an audio file that is missing (or an audio file has no
 * transcript line), a line or file name is malformed, or a file has another sample rate than the
 * corpus. The message names the dataset, the file and what was expected; `path` is the file (or
 * folder) at fault. It extends @dl/core's `DatasetError`, which "dataset not found" throws too.
 *
 * @example
 * ```ts
 * try { await new LJSPEECH('./data').prepare(); }
 * catch (e) { if (e instanceof DatasetContentError) console.error(e.path, e.message); }
 * // LJSPEECH: ./data/LJSpeech-1.1/metadata.csv line 7 names LJ001-0007, but ./data/LJSpeech-1.1/wavs/LJ001-0007.wav does not exist
 * ```
 */
export class DatasetContentError extends DatasetError {
  /** The file or folder at fault. */
  readonly path: string;

  constructor(message: string, path: string) {
    super(message);
    this.path = path;
  }
}
