import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../errors/dataset-content-error';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';
import { filesEndingWith, isFile, subfolders } from './internal/file-kinds';
import { loadAudio } from './internal/load-audio';
import { readLines, stripExtension } from './internal/text-lines';
import { baseUrlOption, choiceOption, sha256Option, stringOption, urlBasename } from './internal/url-options';

/**
 * The Speech Commands releases torchaudio knows by name.
 *
 * @example
 * ```ts
 * const version: SpeechCommandsVersion = 'speech_commands_v0.01';
 * ```
 */
export type SpeechCommandsVersion = 'speech_commands_v0.01' | 'speech_commands_v0.02';

/**
 * The subsets of {@link SPEECHCOMMANDS}: the official validation and testing lists, and the rest.
 *
 * @example
 * ```ts
 * const subset: SpeechCommandsSubset = 'validation';
 * ```
 */
export type SpeechCommandsSubset = 'training' | 'validation' | 'testing';

/**
 * Options of {@link SPEECHCOMMANDS}: torchaudio's `url`, `folder_in_archive`, `download`, `subset`, plus a mirror and a checksum.
 *
 * @example
 * ```ts
 * new SPEECHCOMMANDS('./data', { url: 'speech_commands_v0.01', subset: 'testing', download: true });
 * ```
 */
export interface SpeechCommandsOptions extends AudioDatasetOptions {
  /**
   * A release (`'speech_commands_v0.01'`, `'speech_commands_v0.02'`), downloaded from `baseUrl`
   * as `<release>.tar.gz`; or the archive's full URL. @default 'speech_commands_v0.02'
   */
  url?: SpeechCommandsVersion | (string & {});
  /** The folder under `root` that releases are extracted into. @default 'SpeechCommands' */
  folderInArchive?: string;
  /**
   * `'validation'` and `'testing'`: the files listed in `validation_list.txt` and
   * `testing_list.txt`; `'training'`: every other recording; undefined: all recordings.
   * @default undefined
   */
  subset?: SpeechCommandsSubset | null;
  /** Where a release named by `url` is downloaded from (a mirror of torchaudio's). @default 'http://download.tensorflow.org/data/' */
  baseUrl?: string;
  /** The archive's SHA-256 (hex). @default the release's (SPEECHCOMMANDS.checksums) for a release's name or torchaudio's URL of it; none for another URL */
  checksum?: string;
}

/**
 * One Speech Commands item: waveform `[1, frames]`, sample rate (16000), label (the word), speaker id and utterance number.
 *
 * @example
 * ```ts
 * const [waveform, sampleRate, label, speakerId, utteranceNumber]: SpeechCommandsItem = await speech.getItem(0);
 * ```
 */
export type SpeechCommandsItem = [waveform: Tensor, sampleRate: number, label: string, speakerId: string, utteranceNumber: number];

/**
 * What {@link SPEECHCOMMANDS.getMetadata} returns: the item with the audio file's path in place of the waveform.
 *
 * @example
 * ```ts
 * const [path, sampleRate, label]: SpeechCommandsMetadata = speech.getMetadata(0); // path: 'speech_commands_v0.02/…/…_nohash_0.wav'
 * ```
 */
export type SpeechCommandsMetadata = [path: string, sampleRate: number, label: string, speakerId: string, utteranceNumber: number];

const SAMPLE_RATE = 16000;
const HASH_DIVIDER = '_nohash_';
const BACKGROUND_NOISE = '_background_noise_';

/**
 * Google's Speech Commands (torchaudio's `SPEECHCOMMANDS`): one-second 16 kHz recordings of 35
 * words (v0.02; 30 in v0.01) by thousands of speakers. Item `[waveform, sampleRate, label,
 * speakerId, utteranceNumber]`, read from the path `<label>/<speakerId>_nohash_<n>.wav`.
 *
 * With `download: true` the release's `.tar.gz` is fetched into `root` and extracted into
 * `root/SpeechCommands/speech_commands_v0.02/`. `subset` selects torchaudio's splits: the files
 * `validation_list.txt` and `testing_list.txt` name (in their order), or for `'training'` every
 * other recording (sorted, without `_background_noise_`), or all recordings. A list line naming a
 * missing file, a recording that is not named `<speaker>_nohash_<n>.wav`, or a file at another
 * sample rate throws a {@link DatasetContentError}.
 *
 * @example
 * ```ts
 * const train = await new SPEECHCOMMANDS('./data', { download: true, subset: 'training' }).prepare();
 * const [waveform, sampleRate, label, speakerId, utteranceNumber] = await train.getItem(0);
 * train.getMetadata(0); // ['speech_commands_v0.02/backward/<speaker>_nohash_0.wav', 16000, 'backward', '<speaker>', 0]
 * ```
 */
export class SPEECHCOMMANDS extends AudioDataset<SpeechCommandsItem> {
  /** torchaudio's download location of the named releases. */
  static readonly baseUrl: string = 'http://download.tensorflow.org/data/';
  /** The releases `url` may name. */
  static readonly versions: readonly SpeechCommandsVersion[] = ['speech_commands_v0.01', 'speech_commands_v0.02'];
  /** The SHA-256 of each release's archive. */
  static readonly checksums: Readonly<Record<SpeechCommandsVersion, string>> = {
    'speech_commands_v0.01': '743935421bb51cccdb6bdd152e04c5c70274e935c82119ad7faeec31780d811d',
    'speech_commands_v0.02': 'af14739ee7dc311471de98f5f9d2c9191b18aedfe957f4a6ff791c709868ff58',
  };
  /** The subsets. */
  static readonly subsets: readonly SpeechCommandsSubset[] = ['training', 'validation', 'testing'];

  /** The release or URL given. */
  readonly url: string;
  /** The full download URL. */
  readonly downloadUrl: string;
  /** The folder under `root` that holds the releases. */
  readonly folderInArchive: string;
  /** The subset served (undefined: all recordings). */
  readonly subset: SpeechCommandsSubset | undefined;
  /** The archive's SHA-256 that a download is checked against (undefined: none). */
  readonly checksum: string | undefined;
  private readonly release: string;
  private metadata: SpeechCommandsMetadata[] = [];

  constructor(root: string, options: SpeechCommandsOptions = {}) {
    super(root, options);
    // null is torchaudio's None too.
    this.subset = options.subset == null ? undefined : choiceOption(this.name, 'subset', options.subset, SPEECHCOMMANDS.subsets, 'training');
    this.url = stringOption(this.name, 'url', options.url, 'speech_commands_v0.02');
    const named = (SPEECHCOMMANDS.versions as readonly string[]).includes(this.url) ? (this.url as SpeechCommandsVersion) : undefined;
    this.downloadUrl = named ? `${baseUrlOption(this.name, options.baseUrl, SPEECHCOMMANDS.baseUrl)}${named}.tar.gz` : this.url;
    this.release = withoutSuffixes(urlBasename(this.name, this.downloadUrl), 2);
    this.folderInArchive = stringOption(this.name, 'folderInArchive', options.folderInArchive, 'SpeechCommands');
    // A release is known by name, or by torchaudio's full URL of it.
    const release = named ?? SPEECHCOMMANDS.versions.find((v) => this.downloadUrl === `${SPEECHCOMMANDS.baseUrl}${v}.tar.gz`);
    this.checksum = sha256Option(this.name, options.checksum) ?? (release ? SPEECHCOMMANDS.checksums[release] : undefined);
  }

  /** The folder paths in `getMetadata` are relative to: `root/folderInArchive`. */
  get archiveFolder(): string {
    return join(this.root, this.folderInArchive);
  }

  /** The release's folder: `root/folderInArchive/<archive name without .tar.gz>`. */
  get path(): string {
    return join(this.archiveFolder, this.release);
  }

  /**
   * The n-th item without loading its audio (torchaudio's `get_metadata`): the file's path
   * relative to {@link SPEECHCOMMANDS.archiveFolder} in place of the waveform. Needs `prepare()`.
   *
   * @example
   * ```ts
   * const [path, sampleRate, label] = speech.getMetadata(3);
   * const file = join(speech.archiveFolder, path);
   * ```
   */
  getMetadata(n: number): SpeechCommandsMetadata {
    this.ensurePrepared('getMetadata');
    return this.metadata[this.checkIndex(n)]!.slice() as SpeechCommandsMetadata;
  }

  protected async load(): Promise<void> {
    const archive = urlBasename(this.name, this.downloadUrl);
    await this.ensureFolder(this.path, { url: this.downloadUrl, archive: join(this.root, archive), extractTo: this.path, sha256: this.checksum });
    const recordings: string[] = [];
    for (const folder of await subfolders(this.path)) {
      for (const file of await filesEndingWith(join(this.path, folder), '.wav')) recordings.push(`${folder}/${file}`);
    }
    // torchaudio sorts full paths; they share the folder, so sorting the relative ones agrees.
    recordings.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

    let chosen: string[];
    if (this.subset === 'validation' || this.subset === 'testing') {
      chosen = await this.readList(`${this.subset}_list.txt`, new Set(recordings));
    } else {
      chosen = recordings.filter((r) => r.includes(HASH_DIVIDER) && !r.includes(BACKGROUND_NOISE));
      if (this.subset === 'training') {
        const present = new Set(recordings);
        const held = new Set([...(await this.readList('validation_list.txt', present)), ...(await this.readList('testing_list.txt', present))]);
        chosen = chosen.filter((r) => !held.has(r));
      }
    }
    if (chosen.length === 0) {
      throw new DatasetContentError(`${this.name}: no recordings (<label>/<speaker>_nohash_<n>.wav) for subset ${this.subset ?? 'undefined (all)'} in ${this.path}`, this.path);
    }
    this.metadata = chosen.map((relative) => this.metadataOf(relative));
  }

  protected count(): number {
    return this.metadata.length;
  }

  protected override extraRepr(): string[] {
    return [`URL: ${this.url}`, ...(this.subset ? [`Subset: ${this.subset}`] : [])];
  }

  protected async loadItem(index: number): Promise<SpeechCommandsItem> {
    const [path, sampleRate, label, speakerId, utteranceNumber] = this.metadata[index]!;
    const [waveform] = await loadAudio(this.name, join(this.archiveFolder, path), sampleRate);
    return [waveform, sampleRate, label, speakerId, utteranceNumber];
  }

  /** The recordings a list file names (paths relative to the release folder, in the list's order). */
  private async readList(file: string, present: ReadonlySet<string>): Promise<string[]> {
    const listPath = join(this.path, file);
    if (!(await isFile(listPath))) {
      throw new DatasetContentError(`${this.name}: ${listPath} is missing; subset '${this.subset}' is defined by it`, listPath);
    }
    const out: string[] = [];
    readLines(await readFile(listPath, 'utf8')).forEach((line, i) => {
      const entry = line.trim();
      if (entry === '') return;
      const relative = posix.normalize(entry);
      if (!present.has(relative)) {
        throw new DatasetContentError(`${this.name}: line ${i + 1} of ${listPath} names ${entry}, but ${join(this.path, relative)} does not exist`, join(this.path, relative));
      }
      out.push(relative);
    });
    return out;
  }

  private metadataOf(relative: string): SpeechCommandsMetadata {
    const [label, file] = relative.split('/') as [string, string];
    // Twice: the separate test-set archives name some files `xxx.wav.wav`.
    const speaker = stripExtension(stripExtension(file));
    const parts = speaker.split(HASH_DIVIDER);
    if (parts.length !== 2 || !/^\d+$/.test(parts[1]!)) {
      const path = join(this.path, relative);
      throw new DatasetContentError(`${this.name}: ${path} is not named <speakerId>_nohash_<utteranceNumber>.wav`, path);
    }
    return [`${this.release}/${relative}`, SAMPLE_RATE, label, parts[0]!, Number(parts[1])];
  }
}

/** A file name without its last `n` dot-suffixes (Python's `name.rsplit('.', n)[0]`): `v0.02.tar.gz` gives `v0.02`. */
function withoutSuffixes(name: string, n: number): string {
  let end = name.length;
  for (let k = 0; k < n && end > 0; k++) {
    const dot = name.lastIndexOf('.', end - 1);
    if (dot < 0) break;
    end = dot;
  }
  return name.slice(0, end);
}
