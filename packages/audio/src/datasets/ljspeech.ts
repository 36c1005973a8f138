import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../errors/dataset-content-error';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';
import { filesEndingWith, isFile } from './internal/file-kinds';
import { loadAudio } from './internal/load-audio';
import { sha256Option, stringOption, urlBasename } from './internal/url-options';

/**
 * Options of {@link LJSPEECH}: torchaudio's `url`, `folder_in_archive` and `download`, and a checksum.
 *
 * @example
 * ```ts
 * new LJSPEECH('./data', { download: true, downloadOptions: { progress: true } });
 * ```
 */
export interface LjSpeechOptions extends AudioDatasetOptions {
  /** Where the archive is downloaded from. @default LJSPEECH.url */
  url?: string;
  /** The audio folder inside the corpus folder. @default 'wavs' */
  folderInArchive?: string;
  /**
   * The archive's SHA-256 (hex). As in torchaudio, the release's checksum applies whatever `url`
   * is (a mirror serves the same file). @default LJSPEECH.checksum
   */
  checksum?: string;
}

/**
 * One LJSpeech item: waveform `[1, frames]`, sample rate (22050), the transcript and its normalized form (numbers and abbreviations spelled out).
 *
 * @example
 * ```ts
 * const [waveform, sampleRate, transcript, normalizedTranscript]: LjSpeechItem = await lj.getItem(0);
 * ```
 */
export type LjSpeechItem = [waveform: Tensor, sampleRate: number, transcript: string, normalizedTranscript: string];

/**
 * The LJ Speech Dataset 1.1 (torchaudio's `LJSPEECH`): 13,100 clips of one speaker reading
 * passages from 7 non-fiction books, 22.05 kHz. Item `[waveform, sampleRate, transcript,
 * normalizedTranscript]`, from the rows `id|transcript|normalized transcript` of
 * `metadata.csv` (read as torchaudio reads it: `|`-separated, quotes kept as written).
 *
 * With `download: true` `LJSpeech-1.1.tar.bz2` is fetched into `root` and extracted there,
 * giving `root/LJSpeech-1.1/metadata.csv` and `root/LJSpeech-1.1/wavs/<id>.wav`. `prepare()`
 * reads the metadata: a row without three fields, or naming a clip that is not in `wavs/`, throws
 * a {@link DatasetContentError}.
 *
 * @example
 * ```ts
 * const lj = await new LJSPEECH('./data', { download: true }).prepare();
 * const [waveform, sampleRate, transcript, normalizedTranscript] = await lj.getItem(0);
 * // sampleRate 22050, transcript 'Printing, in the only sense with which we are at present concerned, …'
 * ```
 */
export class LJSPEECH extends AudioDataset<LjSpeechItem> {
  /** torchaudio's download URL. */
  static readonly url: string = 'https://data.keithito.com/data/speech/LJSpeech-1.1.tar.bz2';
  /** The audio folder inside the corpus folder. */
  static readonly folderInArchive: string = 'wavs';
  /** The SHA-256 of the released archive. */
  static readonly checksum: string = 'be1a30453f28eb8dd26af4101ae40cbf2c50413b1bb21936cbcdc6fae3de8aa5';

  /** Where the archive is downloaded from. */
  readonly url: string;
  /** The audio folder inside the corpus folder. */
  readonly folderInArchive: string;
  /** The archive's SHA-256 that a download is checked against (undefined: none). */
  readonly checksum: string;
  private rows: [fileId: string, transcript: string, normalizedTranscript: string][] = [];

  constructor(root: string, options: LjSpeechOptions = {}) {
    super(root, options);
    this.url = stringOption(this.name, 'url', options.url, LJSPEECH.url);
    urlBasename(this.name, this.url);
    this.folderInArchive = stringOption(this.name, 'folderInArchive', options.folderInArchive, LJSPEECH.folderInArchive);
    this.checksum = sha256Option(this.name, options.checksum) ?? LJSPEECH.checksum;
  }

  /** The corpus folder, named after the archive: `root/LJSpeech-1.1`. */
  get corpusFolder(): string {
    const archive = urlBasename(this.name, this.url);
    const cut = archive.indexOf('.tar.bz2');
    return join(this.root, cut < 0 ? archive : archive.slice(0, cut));
  }

  /** The folder holding the clips: `root/LJSpeech-1.1/wavs`. */
  get path(): string {
    return join(this.corpusFolder, this.folderInArchive);
  }

  protected async load(): Promise<void> {
    await this.ensureFolder(this.path, { url: this.url, archive: join(this.root, urlBasename(this.name, this.url)), extractTo: this.root, sha256: this.checksum });
    const metadataPath = join(this.corpusFolder, 'metadata.csv');
    if (!(await isFile(metadataPath))) throw new DatasetContentError(`${this.name}: ${metadataPath} is missing; it lists the clips and their transcripts`, metadataPath);
    const clips = new Set(await filesEndingWith(this.path, '.wav'));
    const rows: [string, string, string][] = [];
    // csv with delimiter '|' and QUOTE_NONE, as torchaudio reads it: fields split on every '|'.
    (await readFile(metadataPath, 'utf8')).split(/\r\n|\r|\n/).forEach((line, i) => {
      if (line === '') return;
      const fields = line.split('|');
      if (fields.length !== 3) {
        throw new DatasetContentError(`${this.name}: line ${i + 1} of ${metadataPath} has ${fields.length} field(s), expected 3 (id|transcript|normalized transcript)`, metadataPath);
      }
      if (!clips.has(`${fields[0]}.wav`)) {
        const clip = join(this.path, `${fields[0]}.wav`);
        throw new DatasetContentError(`${this.name}: line ${i + 1} of ${metadataPath} names ${fields[0]}, but ${clip} does not exist`, clip);
      }
      rows.push(fields as [string, string, string]);
    });
    if (rows.length === 0) throw new DatasetContentError(`${this.name}: ${metadataPath} lists no clips`, metadataPath);
    this.rows = rows;
  }

  protected count(): number {
    return this.rows.length;
  }

  protected async loadItem(index: number): Promise<LjSpeechItem> {
    const [fileId, transcript, normalizedTranscript] = this.rows[index]!;
    const [waveform, sampleRate] = await loadAudio(this.name, join(this.path, `${fileId}.wav`));
    return [waveform, sampleRate, transcript, normalizedTranscript];
  }
}
