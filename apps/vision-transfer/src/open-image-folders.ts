import { type Dataset, Generator, randomSplit, Subset, type Tensor, ValueError } from '@dl/core';
import { datasets, type Image, type Transform } from '@dl/vision';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The training and validation images of {@link openImageFolders}. */
export interface ImageFolderSplit {
  train: Dataset<[Tensor, number]>;
  val: Dataset<[Tensor, number]>;
  /** The class names, in label order (the sorted folder names). */
  classes: string[];
  /** How the validation part was found: `'folders'` (DIR/train + DIR/val) or `'split'` (randomSplit of DIR). */
  layout: 'folders' | 'split';
}

/** Options of {@link openImageFolders}. */
export interface OpenImageFoldersOptions {
  /** Transform of the training images (with augmentation). */
  trainTransform: Transform<Image, Tensor>;
  /** Transform of the validation images. */
  evalTransform: Transform<Image, Tensor>;
  /** Fraction held out for validation when `dir` has no `train`/`val` sub-folders. @default 0.2 */
  valFraction?: number;
  /** Seed of that split. @default 0 */
  seed?: number;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/**
 * Opens a folder of images for fine-tuning. With `dir/train` and `dir/val` (each an
 * `ImageFolder` root: one sub-folder per class), those are the two parts, and they must hold the
 * same classes. Otherwise `dir` itself is one `ImageFolder` and a seeded `randomSplit` holds out
 * `valFraction` of it; the validation part reads the same files through `evalTransform`.
 *
 * @example
 * ```ts
 * const { train, val, classes } = await openImageFolders('my-photos', { trainTransform, evalTransform });
 * ```
 */
export async function openImageFolders(dir: string, options: OpenImageFoldersOptions): Promise<ImageFolderSplit> {
  const { trainTransform, evalTransform, valFraction = 0.2, seed = 0 } = options;
  const root = resolve(dir);
  const trainDir = join(root, 'train');
  const valDir = join(root, 'val');
  if (isDir(trainDir) && isDir(valDir)) {
    const train = await new datasets.ImageFolder(trainDir, { transform: trainTransform }).prepare();
    const val = await new datasets.ImageFolder(valDir, { transform: evalTransform }).prepare();
    if (train.classes.join('\n') !== val.classes.join('\n')) {
      throw new ValueError(`openImageFolders: ${trainDir} and ${valDir} should hold the same class folders, got [${train.classes.join(', ')}] and [${val.classes.join(', ')}]`);
    }
    return { train, val, classes: train.classes, layout: 'folders' };
  }
  if (!(valFraction > 0 && valFraction < 1)) throw new ValueError(`openImageFolders: valFraction should be between 0 and 1, got ${valFraction}`);
  const all = await new datasets.ImageFolder(root, { transform: trainTransform }).prepare();
  const allEval = await new datasets.ImageFolder(root, { transform: evalTransform }).prepare();
  const [train, valPart] = randomSplit(all, [1 - valFraction, valFraction], { generator: new Generator(seed) });
  return { train: train!, val: new Subset(allEval, valPart!.indices), classes: all.classes, layout: 'split' };
}
