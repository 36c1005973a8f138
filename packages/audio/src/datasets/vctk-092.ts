import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../errors/dataset-content-error';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';
import { filesEndingWith, subfolders } from './internal/file-kinds';
import { loadAudio } from './internal/load-audio';
import { readLines, stripExtension } from './internal/text-lines';
import { choiceOption, sha256Option, stringOption, urlBasename } from './internal/url-options';

/**
 * The microphones VCTK 0.92 was recorded with.
 *
 * @example
 * ```ts
 * const mic: VctkMicId = 'mic1';
 * ```
 */
export type VctkMicId = 'mic1' | 'mic2';

/**
 * Options of {@link VCTK_092}: torchaudio's `mic_id`, `download`, `url`, `audio_ext`, and a checksum.
 *
 * @example
 * ```ts
 * new VCTK_092('./data', { micId: 'mic1', audioExt: '.wav' }); // a copy converted to WAV
 * ```
 */
export interface Vctk092Options extends AudioDatasetOptions {
  /** Which microphone's recordings: `'mic1'` or `'mic2'`. @default 'mic2' */
  micId?: VctkMicId;
  /** Where the archive is downloaded from. @default VCTK_092.url */
  url?: string;
  /** The audio files' extension, for a copy converted to another format. @default '.flac' */
  audioExt?: string;
  /** The archive's SHA-256 (hex). @default VCTK_092.checksums[url] (none for another URL) */
  checksum?: string;
}

/**
 * One VCTK item: waveform `[1, frames]`, sample rate (48000), transcript, speaker (`'p225'`) and utterance (`'001'`).
 *
 * @example
 * ```ts
 * const [waveform, sampleRate, transcript, speakerId, utteranceId]: Vctk092Item = await vctk.getItem(0);
 * ```
 */
export type Vctk092Item = [waveform: Tensor, sampleRate: number, transcript: string, speakerId: string, utteranceId: string];

const SKIPPED_SPEAKER_MIC2 = 'p280'; // no mic2 recordings in 0.92
const SPEAKER_WITH_GAPS = 'p362'; // some recordings missing in 0.92

/**
 * The CSTR VCTK Corpus 0.92 (torchaudio's `VCTK_092`): 110 English speakers reading about 400
 * sentences each, 48 kHz FLAC from two microphones. Item `[waveform, sampleRate, transcript,
 * speakerId, utteranceId]`, the transcript being the first line of the utterance's text file
 * with its line ending (as torchaudio reads it: `'Please call Stella.\n'`).
 *
 * With `download: true` the zip is fetched into `root/VCTK-Corpus-0.92.zip` and extracted into
 * `root/VCTK-Corpus-0.92` (`txt/p225/p225_001.txt`, `wav48_silence_trimmed/p225/p225_001_mic1.flac`).
 * Items follow the text files, speaker by speaker in name order; as in torchaudio, speaker p315
 * (no text files) is absent, p280 is skipped for `mic2` (no recordings), and p362's utterances
 * whose recording is missing are skipped. Any other text file without its recording throws a
 * {@link DatasetContentError} when the dataset is prepared.
 *
 * @example
 * ```ts
 * const vctk = await new VCTK_092('./data', { micId: 'mic1', download: true }).prepare();
 * const [waveform, sampleRate, transcript, speakerId, utteranceId] = await vctk.getItem(0);
 * // sampleRate 48000, transcript 'Please call Stella.\n', speakerId 'p225', utteranceId '001'
 * ```
 */
export class VCTK_092 extends AudioDataset<Vctk092Item> {
  /** torchaudio's download URL. */
  static readonly url: string = 'https://datashare.is.ed.ac.uk/bitstream/handle/10283/3443/VCTK-Corpus-0.92.zip';
  /** The SHA-256 of the archive at each known URL. */
  static readonly checksums: Readonly<Record<string, string>> = {
    'https://datashare.is.ed.ac.uk/bitstream/handle/10283/3443/VCTK-Corpus-0.92.zip': 'f96258be9fdc2cbff6559541aae7ea4f59df3fcaf5cf963aae5ca647357e359c',
  };
  /** The microphone ids. */
  static readonly micIds: readonly VctkMicId[] = ['mic1', 'mic2'];

  /** The microphone whose recordings are served. */
  readonly micId: VctkMicId;
  /** Where the archive is downloaded from. */
  readonly url: string;
  /** The audio files' extension. */
  readonly audioExt: string;
  /** The archive's SHA-256 that a download is checked against (undefined: none). */
  readonly checksum: string | undefined;
  private samples: [speakerId: string, utteranceId: string][] = [];

  constructor(root: string, options: Vctk092Options = {}) {
    super(root, options);
    this.micId = choiceOption(this.name, 'micId', options.micId, VCTK_092.micIds, 'mic2');
    this.url = stringOption(this.name, 'url', options.url, VCTK_092.url);
    urlBasename(this.name, this.url);
    this.audioExt = stringOption(this.name, 'audioExt', options.audioExt, '.flac');
    this.checksum = sha256Option(this.name, options.checksum) ?? VCTK_092.checksums[this.url];
  }

  /** The corpus folder: `root/VCTK-Corpus-0.92`. */
  get path(): string {
    return join(this.root, 'VCTK-Corpus-0.92');
  }

  private get txtDir(): string {
    return join(this.path, 'txt');
  }

  private get audioDir(): string {
    return join(this.path, 'wav48_silence_trimmed');
  }

  protected async load(): Promise<void> {
    await this.ensureFolder(this.path, {
      url: this.url,
      archive: join(this.root, 'VCTK-Corpus-0.92.zip'),
      extractTo: this.path,
      sha256: this.checksum,
    });
    const samples: [string, string][] = [];
    for (const speaker of await subfolders(this.txtDir)) {
      if (speaker === SKIPPED_SPEAKER_MIC2 && this.micId === 'mic2') continue;
      const recordings = new Set(await filesEndingWith(join(this.audioDir, speaker), this.audioExt));
      for (const textFile of await filesEndingWith(join(this.txtDir, speaker), '.txt')) {
        const fileId = stripExtension(textFile);
        const parts = fileId.split('_');
        if (parts.length !== 2 || parts[0] !== speaker) {
          const path = join(this.txtDir, speaker, textFile);
          throw new DatasetContentError(`${this.name}: ${path} is not named <speaker>_<utterance>.txt after its folder (expected ${speaker}_<utterance>.txt)`, path);
        }
        if (!recordings.has(`${fileId}_${this.micId}${this.audioExt}`)) {
          if (speaker === SPEAKER_WITH_GAPS) continue;
          const audio = join(this.audioDir, speaker, `${fileId}_${this.micId}${this.audioExt}`);
          throw new DatasetContentError(`${this.name}: ${join(this.txtDir, speaker, textFile)} has no recording: ${audio} does not exist`, audio);
        }
        samples.push([speaker, parts[1]!]);
      }
    }
    if (samples.length === 0) throw new DatasetContentError(`${this.name}: no transcripts (txt/<speaker>/<speaker>_<utterance>.txt) in ${this.path}`, this.path);
    this.samples = samples;
  }

  protected count(): number {
    return this.samples.length;
  }

  protected override extraRepr(): string[] {
    return [`Mic: ${this.micId}`];
  }

  protected async loadItem(index: number): Promise<Vctk092Item> {
    const [speakerId, utteranceId] = this.samples[index]!;
    const textPath = join(this.txtDir, speakerId, `${speakerId}_${utteranceId}.txt`);
    const lines = readLines(await readFile(textPath, 'utf8'));
    if (lines.length === 0) throw new DatasetContentError(`${this.name}: ${textPath} is empty; expected the transcript on its first line`, textPath);
    const [waveform, sampleRate] = await loadAudio(this.name, join(this.audioDir, speakerId, `${speakerId}_${utteranceId}_${this.micId}${this.audioExt}`));
    return [waveform, sampleRate, lines[0]!, speakerId, utteranceId];
  }
}
