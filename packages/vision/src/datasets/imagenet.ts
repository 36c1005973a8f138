import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import type { DatasetResource, VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import { ImageFolder } from './image-folder';
import {
  IMAGENET_ARCHIVES,
  IMAGENET_META_FILE,
  type ImageNetArchives,
  loadImageNetMeta,
  parseDevkitArchive,
  parseTrainArchive,
  parseValArchive,
} from './imagenet-archives';
import type { FolderSample } from './make-dataset';
import { VisionDataset } from './vision-dataset';

/**
 * ImageNet's splits.
 *
 * @example
 * ```ts
 * new ImageNet('/data/imagenet', { split: 'val' });
 * ```
 */
export type ImageNetSplit = 'train' | 'val';

/**
 * Options of {@link ImageNet}: no `download` (the archives must be placed by hand).
 *
 * @example
 * ```ts
 * new ImageNet('/data/imagenet', { split: 'train', transform: new ToTensor() });
 * ```
 */
export interface ImageNetOptions<TX = Image, TY = number> extends Omit<VisionDatasetOptions<Image, number, TX, TY>, 'download' | 'downloadOptions' | 'transforms'> {
  /** The split. @default 'train' */
  split?: ImageNetSplit;
  /** Reads one image given its path. @default defaultLoader (RGB), as {@link ImageFolder}'s */
  loader?: (path: string) => Image | Promise<Image>;
  /** Keeps a file when it returns true; by default files with an image extension are kept. @default undefined */
  isValidFile?: (path: string) => boolean;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The ImageNet 2012 classification dataset (torchvision's `ImageNet`): 1.28 million training and
 * 50,000 validation images of 1,000 classes. The archives cannot be downloaded automatically:
 * place `ILSVRC2012_devkit_t12.tar.gz` and `ILSVRC2012_img_train.tar` and/or
 * `ILSVRC2012_img_val.tar` (see {@link IMAGENET_ARCHIVES} for their MD5s) in `root`; a missing
 * or corrupt one is a `DatasetError` naming it and its MD5.
 *
 * On first `prepare()` the devkit is parsed into `root/meta.json` (torchvision writes
 * `meta.bin`; a JSON file here), and the split's archive is MD5-checked and extracted into
 * `root/train/<wnid>/` or `root/val/<wnid>/` (the validation images sorted into class folders
 * by the ground truth). Then it works like an {@link ImageFolder} over that folder: items are
 * `[image, classIndex]` with an `RGB` {@link Image}; `wnids` are the class folders (WordNet ids),
 * `classes` the tuples of words of each class, `classToIdx` maps every word to its class,
 * `wnidToIdx` every WordNet id; `samples` (`imgs`) and `targets` as ImageFolder's.
 *
 * @example
 * ```ts
 * const val = await new ImageNet('/data/imagenet', { split: 'val' }).prepare();
 * const [img, label] = await val.getItem(0);
 * val.classes[label]; // ['tench', 'Tinca tinca']
 * ```
 */
export class ImageNet<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  /** The archives and their MD5s (torchvision's `ARCHIVE_META`). */
  static readonly archives: ImageNetArchives = IMAGENET_ARCHIVES;

  readonly name: string = 'ImageNet';
  /** Nothing is downloaded. */
  protected readonly resources: readonly DatasetResource[] = [];
  /** The split read. */
  readonly split: ImageNetSplit;

  private readonly loader: ImageNetOptions['loader'];
  private readonly isValidFile: ImageNetOptions['isValidFile'];
  private images: ImageFolder | undefined;
  private names: string[][] = [];

  constructor(root: string, options: ImageNetOptions<TX, TY> = {}) {
    super(root, options);
    if ((options as { download?: unknown }).download) {
      throw new ValueError(`ImageNet: the archives cannot be downloaded automatically; download ${Object.values(IMAGENET_ARCHIVES).map(([f]) => f).join(', ')} from https://image-net.org/ and place them in ${this.root}`);
    }
    const split = options.split ?? 'train';
    if (split !== 'train' && split !== 'val') throw new ValueError(`ImageNet: unknown split ${JSON.stringify(split)} (expected one of train, val)`);
    this.split = split;
    this.loader = options.loader;
    this.isValidFile = options.isValidFile;
  }

  /** The archives and the extracted splits live in `root` itself. */
  override get folder(): string {
    return this.root;
  }

  /** The split's folder of class folders, `root/<split>`. */
  get splitFolder(): string {
    return join(this.root, this.split);
  }

  get length(): number {
    return this.folderDataset().length;
  }

  /** The WordNet id of each class (its folder name), sorted. */
  get wnids(): readonly string[] {
    return this.folderDataset().classes;
  }

  /** Each WordNet id's class index. */
  get wnidToIdx(): Readonly<Record<string, number>> {
    return this.folderDataset().classToIdx;
  }

  /** The words naming each class (`['tench', 'Tinca tinca']`), in class order. */
  get classes(): readonly (readonly string[])[] {
    this.folderDataset();
    return this.names;
  }

  /** Every word's class index (`tench` and `Tinca tinca` both map to 0), as torchvision's `class_to_idx`. */
  get classToIdx(): Readonly<Record<string, number>> {
    const out: Record<string, number> = {};
    this.classes.forEach((words, idx) => {
      for (const word of words) Object.defineProperty(out, word, { value: idx, enumerable: true, writable: true, configurable: true });
    });
    return out;
  }

  /** Every sample: `[path, classIndex]`. */
  get samples(): FolderSample[] {
    return this.folderDataset().samples;
  }

  /** The samples (torchvision's `imgs`). */
  get imgs(): FolderSample[] {
    return this.samples;
  }

  /** The class index of every sample. */
  get targets(): number[] {
    return this.folderDataset().targets;
  }

  /** Whether the split is extracted is decided (and fixed) by `load()`, which says what is missing. */
  protected override async checkExists(): Promise<boolean> {
    return true;
  }

  protected async load(): Promise<void> {
    const archives = (this.constructor as typeof ImageNet).archives;
    if (!(await isFile(join(this.root, IMAGENET_META_FILE)))) await parseDevkitArchive(this.root, ...archives.devkit);
    if (!(await isFolder(this.splitFolder))) {
      if (this.split === 'train') await parseTrainArchive(this.root, ...archives.train);
      else await parseValArchive(this.root, ...archives.val);
    }
    const { wnidToClasses } = await loadImageNetMeta(this.root);
    const images = new ImageFolder(this.splitFolder, { loader: this.loader, isValidFile: this.isValidFile });
    await images.prepare();
    this.names = images.classes.map((wnid) => wnidToClasses[wnid] ?? [wnid]);
    this.images = images;
  }

  protected loadItem(index: number): Promise<[Image, number]> {
    return Promise.resolve(this.images!.getItem(index));
  }

  protected override extraRepr(): string {
    return `Split: ${this.split}`;
  }

  private folderDataset(): ImageFolder {
    this.ensurePrepared();
    return this.images!;
  }
}
