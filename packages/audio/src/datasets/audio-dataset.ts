import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { Dataset, IndexError, type ModuleExport, ValueError } from '@dl/core';
import { DatasetError, type DatasetDownloadOptions } from '@dl/core/node';
import { audioModuleUrl } from './internal/audio-module-url';
import { fetchArchive, type ArchiveFetch } from './internal/fetch-archive';
import { isDirectory } from './internal/file-kinds';

/**
 * Options every {@link AudioDataset} takes: torchaudio's `download`, and how to download.
 *
 * @example
 * ```ts
 * new YESNO('./data', { download: true, downloadOptions: { progress: true, retries: 5 } });
 * ```
 */
export interface AudioDatasetOptions {
  /** Download and extract the archive when the dataset's folder is missing. @default false */
  download?: boolean;
  /**
   * Settings of the download: `progress`, `retries`, `timeout`, `headers`, `ca`, `onProgress`,
   * `signal`, ... (those of @dl/core's `downloadUrl`). @default {}
   */
  downloadOptions?: DatasetDownloadOptions;
}

/**
 * The base of @dl/audio's datasets: a map-style @dl/core {@link Dataset} over a corpus kept in a
 * folder under `root`, as torchaudio lays it out, with torchaudio's `download` (fetch the archive
 * when the folder is missing, verify its SHA-256, extract it).
 *
 * torchaudio reads the folder in its constructor; here reading files is async, so construct,
 * then `await dataset.prepare()` (it resolves with the dataset). `getItem` prepares an
 * unprepared dataset first; `length` (and `getMetadata` where a dataset has it) need it
 * prepared. `workerSpec()` lets `new DataLoader(ds, { numWorkers: 2 })` rebuild the dataset in
 * each worker thread from `root` and the options (workers never download).
 *
 * A subclass implements `load()` (find or download the files, index them, once), `count()` and
 * `loadItem(index)`, and may add repr lines with `extraRepr()`.
 *
 * @example
 * ```ts
 * const yesno = await new YESNO('./data', { download: true }).prepare();
 * yesno.length; // 60
 * const [waveform, sampleRate, labels] = await yesno.getItem(0);
 * String(yesno);
 * // Dataset YESNO
 * //     Number of datapoints: 60
 * //     Root location: ./data
 * ```
 */
export abstract class AudioDataset<T extends readonly unknown[]> extends Dataset<T> {
  /** The dataset's class name (torchaudio's), the title of its repr and of its error messages. */
  readonly name: string;
  /** The folder the dataset lives under (absolute). */
  readonly root: string;
  /** `root` as it was given (the repr and the workers use it). */
  readonly rootLocation: string;
  /** Whether a missing dataset is downloaded. */
  readonly download: boolean;
  /** Settings of the download. */
  protected readonly downloadOptions: DatasetDownloadOptions;
  /** The options the dataset was built with, passed again when a worker thread rebuilds it. */
  protected readonly options: AudioDatasetOptions;

  private preparing: Promise<void> | undefined;
  private prepared = false;

  constructor(root: string, options: AudioDatasetOptions = {}) {
    super();
    this.name = new.target.name;
    if (typeof root !== 'string' || root === '') {
      throw new ValueError(`${this.name}: root must be a folder path, got ${root === '' ? "''" : typeof root}`);
    }
    if (options === null || typeof options !== 'object') throw new ValueError(`${this.name}: options must be an object, got ${options === null ? 'null' : typeof options}`);
    if (options.download !== undefined && typeof options.download !== 'boolean') {
      throw new ValueError(`${this.name}: download must be true or false, got ${typeof options.download}`);
    }
    this.root = resolve(root);
    this.rootLocation = root;
    this.download = options.download ?? false;
    this.downloadOptions = options.downloadOptions ?? {};
    this.options = options;
  }

  /** Whether `prepare()` has finished. */
  get isPrepared(): boolean {
    return this.prepared;
  }

  /**
   * Downloads the archive when `download` is set and the dataset's folder is missing, then
   * indexes the files; resolves with the dataset. Later calls return at once; a failed call can
   * be retried. Errors: @dl/core's `DatasetError` (not found), `ChecksumError`, `DownloadError`,
   * `ArchiveError`, and {@link DatasetContentError} for files that do not match the corpus.
   *
   * @example
   * ```ts
   * const librispeech = await new LIBRISPEECH('./data', { url: 'dev-clean', download: true }).prepare();
   * ```
   */
  async prepare(): Promise<this> {
    this.preparing ??= (async () => {
      await this.load();
      this.prepared = true;
    })();
    try {
      await this.preparing;
    } catch (error) {
      this.preparing = undefined;
      throw error;
    }
    return this;
  }

  /** The number of items; needs `prepare()` first (else a `DatasetError`). */
  get length(): number {
    this.ensurePrepared('length');
    return this.count();
  }

  /**
   * The item at `index` (negative counts from the end), loading its audio file; prepares the
   * dataset first when needed.
   *
   * @example
   * ```ts
   * const [waveform, sampleRate, labels] = await yesno.getItem(-1);
   * ```
   */
  async getItem(index: number): Promise<T> {
    if (!this.prepared) await this.prepare();
    return this.loadItem(this.checkIndex(index));
  }

  /**
   * How a DataLoader worker thread rebuilds this dataset: the class's export from this copy of
   * @dl/audio, with `root` and the options, minus the download (the files are there by then).
   *
   * @example
   * ```ts
   * yesno.workerSpec(); // { module: 'file:///…/@dl/audio/dist/cjs/index.js', export: 'YESNO', args: ['./data', {}] }
   * ```
   */
  override workerSpec(): ModuleExport {
    const { downloadOptions: _dropped, ...rest } = this.options;
    return { module: audioModuleUrl(), export: this.name, args: [this.rootLocation, { ...rest, download: false }] };
  }

  /** A repr in torchvision's form: name, number of datapoints, root, then the options that select the data. */
  override toString(): string {
    const lines = [`Dataset ${this.name}`, `    Number of datapoints: ${this.prepared ? this.count() : '? (not prepared)'}`, `    Root location: ${this.rootLocation}`];
    for (const line of this.extraRepr()) lines.push(`    ${line}`);
    return lines.join('\n');
  }

  /** Node's `console.log` shows the repr. */
  [inspect.custom](): string {
    return this.toString();
  }

  /** Finds (downloading when asked) and indexes the files; called once by `prepare()`. */
  protected abstract load(): Promise<void>;

  /** The number of items, once loaded. */
  protected abstract count(): number;

  /** The item at a valid index `0 <= index < length`. */
  protected abstract loadItem(index: number): Promise<T>;

  /** Extra repr lines (`Subset: training`, ...). */
  protected extraRepr(): string[] {
    return [];
  }

  /**
   * torchaudio's start: when `download` is set and `folder` is missing, fetch and extract the
   * archive; then, if `folder` is still missing, a `DatasetError` saying what to do.
   */
  protected async ensureFolder(folder: string, fetch: Omit<ArchiveFetch, 'downloadOptions'>): Promise<void> {
    if (this.download && !(await isDirectory(folder))) await fetchArchive({ ...fetch, downloadOptions: this.downloadOptions });
    if (!(await isDirectory(folder))) {
      throw new DatasetError(
        this.download
          ? `${this.name}: dataset not found in ${folder} after downloading and extracting ${fetch.url} into ${fetch.extractTo}`
          : `${this.name}: dataset not found in ${folder}; pass download: true to download it`,
      );
    }
  }

  /** Throws a `DatasetError` unless `prepare()` has finished. */
  protected ensurePrepared(what: string): void {
    if (!this.prepared) throw new DatasetError(`${this.name}: ${what} needs the dataset prepared; call await dataset.prepare() first`);
  }

  /** A valid index for `index` (negative counts from the end), or an `IndexError`. */
  protected checkIndex(index: number): number {
    const length = this.count();
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      throw new IndexError(`${this.name}: index must be an integer, got ${typeof index === 'number' ? index : typeof index}`);
    }
    if (index < -length || index >= length) throw new IndexError(`${this.name}: index ${index} is out of range for a dataset of length ${length}`);
    return index < 0 ? index + length : index;
  }
}
