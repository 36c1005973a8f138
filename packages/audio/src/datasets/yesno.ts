import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../errors/dataset-content-error';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';
import { filesEndingWith } from './internal/file-kinds';
import { loadAudio } from './internal/load-audio';
import { sha256Option, stringOption, urlBasename } from './internal/url-options';

/**
 * Options of {@link YESNO}: torchaudio's `url`, `folder_in_archive` and `download`, and a checksum.
 *
 * @example
 * ```ts
 * new YESNO('./data', { url: 'https://mirror.example.org/waves_yesno.tar.gz', download: true });
 * ```
 */
export interface YesNoOptions extends AudioDatasetOptions {
  /** Where the archive is downloaded from. @default YESNO.url */
  url?: string;
  /** The dataset's folder under `root` (the archive's top folder). @default 'waves_yesno' */
  folderInArchive?: string;
  /**
   * The archive's SHA-256 (hex), checked after the download. As in torchaudio, the release's
   * checksum applies whatever `url` is (a mirror serves the same file). @default YESNO.checksum
   */
  checksum?: string;
}

/**
 * One YESNO item: the waveform `[1, frames]`, its sample rate (8000) and the 8 spoken words (1 yes, 0 no).
 *
 * @example
 * ```ts
 * const [waveform, sampleRate, labels]: YesNoItem = await yesno.getItem(0);
 * ```
 */
export type YesNoItem = [waveform: Tensor, sampleRate: number, labels: number[]];

/**
 * The YesNo corpus (torchaudio's `YESNO`): 60 recordings of one man saying eight words, each
 * "yes" or "no" in Hebrew, at 8 kHz. Item `[waveform, sampleRate, labels]`: `labels` are the
 * eight words, read from the file name (`0_1_0_0_1_0_1_1.wav`: 1 yes, 0 no).
 *
 * With `download: true` the archive `waves_yesno.tar.gz` is fetched into `root` (SHA-256
 * checked) and extracted there, giving `root/waves_yesno/*.wav`; items are the `.wav` files in
 * name order. A folder without `.wav` files, or a file name that is not words joined by `_`,
 * throws a {@link DatasetContentError}.
 *
 * @example
 * ```ts
 * const yesno = await new YESNO('.', { download: true }).prepare();
 * const [waveform, sampleRate, labels] = await yesno.getItem(0);
 * waveform.shape; // [1, frames]
 * sampleRate; // 8000
 * labels; // [0, 0, 0, 0, 1, 1, 1, 1]
 * const loader = new DataLoader(yesno, { batchSize: 1, shuffle: true });
 * ```
 */
export class YESNO extends AudioDataset<YesNoItem> {
  /** torchaudio's download URL. */
  static readonly url: string = 'http://www.openslr.org/resources/1/waves_yesno.tar.gz';
  /** The archive's top folder. */
  static readonly folderInArchive: string = 'waves_yesno';
  /** The SHA-256 of the released archive. */
  static readonly checksum: string = 'c3f49e0cca421f96b75b41640749167b52118f232498667ca7a5f9416aef8e73';

  /** Where the archive is downloaded from. */
  readonly url: string;
  /** The dataset's folder under `root`. */
  readonly folderInArchive: string;
  /** The archive's SHA-256 that a download is checked against (undefined: none). */
  readonly checksum: string;
  private fileIds: string[] = [];
  private labels: number[][] = [];

  constructor(root: string, options: YesNoOptions = {}) {
    super(root, options);
    this.url = stringOption(this.name, 'url', options.url, YESNO.url);
    urlBasename(this.name, this.url);
    this.folderInArchive = stringOption(this.name, 'folderInArchive', options.folderInArchive, YESNO.folderInArchive);
    this.checksum = sha256Option(this.name, options.checksum) ?? YESNO.checksum;
  }

  /** The folder holding the `.wav` files: `root/folderInArchive`. */
  get path(): string {
    return join(this.root, this.folderInArchive);
  }

  protected async load(): Promise<void> {
    await this.ensureFolder(this.path, {
      url: this.url,
      archive: join(this.root, urlBasename(this.name, this.url)),
      extractTo: this.root,
      sha256: this.checksum,
    });
    const fileIds = (await filesEndingWith(this.path, '.wav')).map((file) => file.slice(0, -'.wav'.length));
    if (fileIds.length === 0) throw new DatasetContentError(`${this.name}: no .wav files in ${this.path}`, this.path);
    this.labels = fileIds.map((id) => {
      if (!/^\d+(?:_\d+)*$/.test(id)) {
        const file = join(this.path, `${id}.wav`);
        throw new DatasetContentError(`${this.name}: cannot read the labels of ${file}: expected a name of digits joined by _, such as 0_1_0_0_1_0_1_1.wav`, file);
      }
      return id.split('_').map(Number);
    });
    this.fileIds = fileIds;
  }

  protected count(): number {
    return this.fileIds.length;
  }

  protected async loadItem(index: number): Promise<YesNoItem> {
    const [waveform, sampleRate] = await loadAudio(this.name, join(this.path, `${this.fileIds[index]}.wav`));
    return [waveform, sampleRate, this.labels[index]!.slice()];
  }
}
