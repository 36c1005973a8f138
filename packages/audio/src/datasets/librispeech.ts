import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../errors/dataset-content-error';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';
import { filesEndingWith, isFile, subfolders } from './internal/file-kinds';
import { loadAudio } from './internal/load-audio';
import { readLines } from './internal/text-lines';
import { baseUrlOption, choiceOption, sha256Option, stringOption } from './internal/url-options';

/**
 * The LibriSpeech subsets torchaudio downloads (its `url` values).
 *
 * @example
 * ```ts
 * const subset: LibriSpeechSubset = 'test-clean';
 * ```
 */
export type LibriSpeechSubset = 'dev-clean' | 'dev-other' | 'test-clean' | 'test-other' | 'train-clean-100' | 'train-clean-360' | 'train-other-500';

/**
 * Options of {@link LIBRISPEECH}: torchaudio's `url`, `folder_in_archive`, `download`, plus a mirror and a checksum.
 *
 * @example
 * ```ts
 * new LIBRISPEECH('./data', { url: 'test-clean', baseUrl: 'https://mirror.example.org/12/', download: true });
 * ```
 */
export interface LibriSpeechOptions extends AudioDatasetOptions {
  /** The subset (torchaudio calls it `url`). @default 'train-clean-100' */
  url?: LibriSpeechSubset;
  /** The archive's top folder under `root`. @default 'LibriSpeech' */
  folderInArchive?: string;
  /** Where `<subset>.tar.gz` is downloaded from (a mirror of torchaudio's). @default 'http://www.openslr.org/resources/12/' */
  baseUrl?: string;
  /** The archive's SHA-256 (hex). @default the subset's (LIBRISPEECH.checksums) */
  checksum?: string;
}

/**
 * One LibriSpeech item: waveform `[1, frames]`, sample rate (16000), transcript, and the speaker, chapter and utterance ids.
 *
 * @example
 * ```ts
 * const [waveform, sampleRate, transcript, speakerId, chapterId, utteranceId]: LibriSpeechItem = await dev.getItem(0);
 * ```
 */
export type LibriSpeechItem = [waveform: Tensor, sampleRate: number, transcript: string, speakerId: number, chapterId: number, utteranceId: number];

/**
 * What {@link LIBRISPEECH.getMetadata} returns: the item with the audio file's path in place of the waveform.
 *
 * @example
 * ```ts
 * const [path]: LibriSpeechMetadata = dev.getMetadata(0); // 'dev-clean/1272/128104/1272-128104-0000.flac'
 * ```
 */
export type LibriSpeechMetadata = [path: string, sampleRate: number, transcript: string, speakerId: number, chapterId: number, utteranceId: number];

const SAMPLE_RATE = 16000;

/**
 * LibriSpeech (torchaudio's `LIBRISPEECH`): about 1,000 hours of read English audiobooks at
 * 16 kHz, in seven subsets. Item `[waveform, sampleRate, transcript, speakerId, chapterId,
 * utteranceId]`, the ids as numbers (`84-121123-0000.flac` gives 84, 121123, 0).
 *
 * With `download: true` `<subset>.tar.gz` is fetched into `root` and extracted there, giving
 * `root/LibriSpeech/<subset>/<speaker>/<chapter>/<speaker>-<chapter>-<utterance>.flac` beside
 * each chapter's `<speaker>-<chapter>.trans.txt`. Items are the `.flac` files sorted by name.
 * `prepare()` reads every transcript: a recording without its transcript line, a line without
 * its recording, or a malformed line or file name throws a {@link DatasetContentError}.
 *
 * @example
 * ```ts
 * const dev = await new LIBRISPEECH('./data', { url: 'dev-clean', download: true }).prepare();
 * const [waveform, sampleRate, transcript, speakerId, chapterId, utteranceId] = await dev.getItem(0);
 * dev.getMetadata(0); // ['dev-clean/1272/128104/1272-128104-0000.flac', 16000, 'MISTER QUILTER IS …', 1272, 128104, 0]
 * ```
 */
export class LIBRISPEECH extends AudioDataset<LibriSpeechItem> {
  /** torchaudio's download location. */
  static readonly baseUrl: string = 'http://www.openslr.org/resources/12/';
  /** The subsets `url` may name. */
  static readonly subsets: readonly LibriSpeechSubset[] = ['dev-clean', 'dev-other', 'test-clean', 'test-other', 'train-clean-100', 'train-clean-360', 'train-other-500'];
  /** The SHA-256 of each subset's archive. */
  static readonly checksums: Readonly<Record<LibriSpeechSubset, string>> = {
    'dev-clean': '76f87d090650617fca0cac8f88b9416e0ebf80350acb97b343a85fa903728ab3',
    'dev-other': '12661c48e8c3fe1de2c1caa4c3e135193bfb1811584f11f569dd12645aa84365',
    'test-clean': '39fde525e59672dc6d1551919b1478f724438a95aa55f874b576be21967e6c23',
    'test-other': 'd09c181bba5cf717b3dee7d4d592af11a3ee3a09e08ae025c5506f6ebe961c29',
    'train-clean-100': 'd4ddd1d5a6ab303066f14971d768ee43278a5f2a0aa43dc716b0e64ecbbbf6e2',
    'train-clean-360': '146a56496217e96c14334a160df97fffedd6e0a04e66b9c5af0d40be3c792ecf',
    'train-other-500': 'ddb22f27f96ec163645d53215559df6aa36515f26e01dd70798188350adcb6d2',
  };

  /** The subset. */
  readonly url: LibriSpeechSubset;
  /** The archive's top folder under `root`. */
  readonly folderInArchive: string;
  /** The full download URL. */
  readonly downloadUrl: string;
  /** The archive's SHA-256 that a download is checked against (undefined: none). */
  readonly checksum: string;
  private metadata: LibriSpeechMetadata[] = [];

  constructor(root: string, options: LibriSpeechOptions = {}) {
    super(root, options);
    this.url = choiceOption(this.name, 'url', options.url, LIBRISPEECH.subsets, 'train-clean-100');
    this.folderInArchive = stringOption(this.name, 'folderInArchive', options.folderInArchive, 'LibriSpeech');
    this.downloadUrl = `${baseUrlOption(this.name, options.baseUrl, LIBRISPEECH.baseUrl)}${this.url}.tar.gz`;
    this.checksum = sha256Option(this.name, options.checksum) ?? LIBRISPEECH.checksums[this.url];
  }

  /** The folder paths in `getMetadata` are relative to: `root/folderInArchive`. */
  get archiveFolder(): string {
    return join(this.root, this.folderInArchive);
  }

  /** The subset's folder: `root/folderInArchive/<subset>`. */
  get path(): string {
    return join(this.archiveFolder, this.url);
  }

  /**
   * The n-th item without loading its audio (torchaudio's `get_metadata`): the file's path
   * relative to {@link LIBRISPEECH.archiveFolder} in place of the waveform. Needs `prepare()`.
   *
   * @example
   * ```ts
   * const [path, , transcript] = dev.getMetadata(0);
   * ```
   */
  getMetadata(n: number): LibriSpeechMetadata {
    this.ensurePrepared('getMetadata');
    return this.metadata[this.checkIndex(n)]!.slice() as LibriSpeechMetadata;
  }

  protected async load(): Promise<void> {
    await this.ensureFolder(this.path, { url: this.downloadUrl, archive: join(this.root, `${this.url}.tar.gz`), extractTo: this.root, sha256: this.checksum });
    const metadata: LibriSpeechMetadata[] = [];
    for (const speaker of await subfolders(this.path)) {
      for (const chapter of await subfolders(join(this.path, speaker))) metadata.push(...(await this.readChapter(speaker, chapter)));
    }
    if (metadata.length === 0) throw new DatasetContentError(`${this.name}: no recordings (<speaker>/<chapter>/*.flac) in ${this.path}`, this.path);
    // torchaudio sorts by utterance id (the file name), not by path: 1272-… before 84-….
    const idOf = (m: LibriSpeechMetadata) => m[0].slice(m[0].lastIndexOf('/') + 1, -'.flac'.length);
    this.metadata = metadata.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  }

  protected count(): number {
    return this.metadata.length;
  }

  protected override extraRepr(): string[] {
    return [`URL: ${this.url}`];
  }

  protected async loadItem(index: number): Promise<LibriSpeechItem> {
    const [path, sampleRate, transcript, speakerId, chapterId, utteranceId] = this.metadata[index]!;
    const [waveform] = await loadAudio(this.name, join(this.archiveFolder, path), sampleRate);
    return [waveform, sampleRate, transcript, speakerId, chapterId, utteranceId];
  }

  /** One chapter's items: its recordings matched with the lines of its transcript file, both ways. */
  private async readChapter(speaker: string, chapter: string): Promise<LibriSpeechMetadata[]> {
    const folder = join(this.path, speaker, chapter);
    const recordings = await filesEndingWith(folder, '.flac');
    const present = new Set(recordings);
    const transcriptPath = join(folder, `${speaker}-${chapter}.trans.txt`);
    const hasTranscripts = await isFile(transcriptPath);
    if (recordings.length === 0 && !hasTranscripts) return [];
    if (!hasTranscripts) throw new DatasetContentError(`${this.name}: ${transcriptPath} is missing; it holds the transcripts of the recordings in ${folder}`, transcriptPath);

    const transcripts = new Map<string, string>();
    readLines(await readFile(transcriptPath, 'utf8')).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      const space = line.indexOf(' ');
      if (space <= 0) throw new DatasetContentError(`${this.name}: line ${i + 1} of ${transcriptPath} is not '<utterance id> <transcript>': ${JSON.stringify(line)}`, transcriptPath);
      const id = line.slice(0, space);
      if (!present.has(`${id}.flac`)) {
        const audio = join(folder, `${id}.flac`);
        throw new DatasetContentError(`${this.name}: line ${i + 1} of ${transcriptPath} names ${id}, but ${audio} does not exist`, audio);
      }
      if (!transcripts.has(id)) transcripts.set(id, line.slice(space + 1));
    });

    return recordings.map((file): LibriSpeechMetadata => {
      const id = file.slice(0, -'.flac'.length);
      const match = /^(\d+)-(\d+)-(\d+)$/.exec(id);
      if (!match || match[1] !== speaker || match[2] !== chapter) {
        throw new DatasetContentError(`${this.name}: ${join(folder, file)} is not named ${speaker}-${chapter}-<utterance>.flac after its folders`, join(folder, file));
      }
      const transcript = transcripts.get(id);
      if (transcript === undefined) throw new DatasetContentError(`${this.name}: ${join(folder, file)} has no transcript: no line for ${id} in ${transcriptPath}`, transcriptPath);
      return [`${this.url}/${speaker}/${chapter}/${file}`, SAMPLE_RATE, transcript, Number(match[1]), Number(match[2]), Number(match[3])];
    });
  }
}
