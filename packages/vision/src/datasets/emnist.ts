import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { DatasetError, downloadResource, extractArchive, type DatasetResource } from '@dl/core/node';
import type { Image } from '../image/image';
import type { MnistOptions } from './internal/mnist-base';
import { MNIST } from './mnist';

/**
 * EMNIST's six splits.
 *
 * @example
 * ```ts
 * const split: EMNISTSplit = 'balanced';
 * ```
 */
export type EMNISTSplit = 'byclass' | 'bymerge' | 'balanced' | 'letters' | 'digits' | 'mnist';

/**
 * Options of {@link EMNIST}: {@link MNIST}'s and the required `split`.
 *
 * @example
 * ```ts
 * new EMNIST('./data', { split: 'digits', train: false, download: true });
 * ```
 */
export interface EMNISTOptions<TX = Image, TY = number> extends MnistOptions<TX, TY> {
  /** Which of the six splits to read. */
  split: EMNISTSplit;
}

const DIGITS = '0123456789'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
// Lowercase letters written like their capitals; bymerge and balanced merge them into one class.
const MERGED = new Set('cijklmopsuvwxyz'.split(''));

/**
 * Extended MNIST (torchvision's `EMNIST`): handwritten digits and letters from NIST Special
 * Database 19 as 28x28 images, in six splits: `byclass` (62 classes), `bymerge` and `balanced`
 * (47: similar upper and lower case letters merged), `letters` (26, labels 1-26 with class 0
 * `'N/A'`), `digits` and `mnist` (10).
 *
 * `download: true` fetches NIST's `gzip.zip` (MD5-checked) into `root/EMNIST/raw`, extracts it
 * and decompresses every split's IDX files there, removing the `gzip` folder, as torchvision does.
 * Items are `[image, label]` with an `L` {@link Image}. As in torchvision, the images are served
 * as the files store them, which is transposed relative to MNIST (a character's rows are the
 * image's columns): transpose them yourself for display.
 *
 * Throws a `ValueError` when `split` is not one of the six.
 *
 * @example
 * ```ts
 * const letters = await new EMNIST('./data', { split: 'letters', download: true }).prepare();
 * const [img, label] = await letters.getItem(0);
 * letters.classes[label]; // 'w'
 * ```
 */
export class EMNIST<TX = Image, TY = number> extends MNIST<TX, TY> {
  /** The archive holding every split. */
  static readonly url: string = 'https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/gzip.zip';
  /** Its MD5 digest. */
  static readonly md5: string = '58c8d27c78d21e728a6bc7b3cc06412e';
  /** The split names. */
  static readonly splits: readonly EMNISTSplit[] = ['byclass', 'bymerge', 'balanced', 'letters', 'digits', 'mnist'];
  /** The class names of each split (torchvision's `classes_split_dict`). */
  static readonly classesSplitDict: Readonly<Record<EMNISTSplit, readonly string[]>> = {
    byclass: [...DIGITS, ...UPPER, ...LOWER],
    bymerge: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
    balanced: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
    letters: ['N/A', ...LOWER],
    digits: DIGITS,
    mnist: DIGITS,
  };
  static override readonly resources: readonly DatasetResource[] = [{ url: EMNIST.url, md5: EMNIST.md5, extract: true }];

  override readonly name: string = 'EMNIST';
  /** The split read. */
  readonly split: EMNISTSplit;

  constructor(root: string, options: EMNISTOptions<TX, TY>) {
    const split = options?.split;
    if (!EMNIST.splits.includes(split)) {
      throw new ValueError(`EMNIST: unknown split ${JSON.stringify(split)} (expected one of ${EMNIST.splits.join(', ')})`);
    }
    super(root, options);
    this.split = split;
  }

  override get classes(): readonly string[] {
    return EMNIST.classesSplitDict[this.split];
  }

  protected override get imagesFile(): string {
    return `${this.filePrefix}-images-idx3-ubyte`;
  }

  protected override get labelsFile(): string {
    return `${this.filePrefix}-labels-idx1-ubyte`;
  }

  /** Downloads and extracts `gzip.zip`, then decompresses each split's files into the raw folder. */
  protected override async downloadFiles(): Promise<void> {
    for (const resource of this.resources) await downloadResource(resource, this.folder, this.downloadOptions);
    const gzipFolder = join(this.folder, 'gzip');
    const files = await readdir(gzipFolder).catch((error: unknown) => {
      throw new DatasetError(`${this.name}: ${join(this.folder, 'gzip.zip')} should hold a gzip folder of IDX files, but ${gzipFolder} is missing after extracting it`, { cause: error });
    });
    for (const file of files) {
      if (file.endsWith('.gz')) await extractArchive(join(gzipFolder, file), this.folder);
    }
    await rm(gzipFolder, { recursive: true, force: true });
  }

  private get filePrefix(): string {
    return `emnist-${this.split}-${this.train ? 'train' : 'test'}`;
  }
}
