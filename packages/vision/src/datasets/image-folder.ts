import type { ModuleExport } from '@dl/core';
import type { Image } from '../image/image';
import { DatasetFolder, type DatasetFolderOptions } from './dataset-folder';
import { defaultLoader } from './default-loader';
import { IMG_EXTENSIONS } from './img-extensions';
import type { FolderSample } from './make-dataset';

/**
 * Options of {@link ImageFolder}.
 *
 * @example
 * ```ts
 * const options: ImageFolderOptions<Tensor> = { transform: new Compose([new Resize(256), new ToTensor()]) };
 * ```
 */
export interface ImageFolderOptions<TX = Image, TY = number>
  extends Omit<DatasetFolderOptions<Image, TX, TY>, 'loader' | 'extensions'> {
  /** Reads one image given its path (may be async). @default {@link defaultLoader} (RGB) */
  loader?: (path: string) => Image | Promise<Image>;
}

/**
 * A dataset of images laid out by class (torchvision's `ImageFolder`):
 *
 * ```text
 * root/dog/xxx.png
 * root/dog/[...]/xxz.png
 * root/cat/123.jpg
 * ```
 *
 * A {@link DatasetFolder} whose files are kept by {@link IMG_EXTENSIONS} (or `isValidFile`) and
 * read by {@link defaultLoader} as RGB {@link Image}s: `await images.getItem(i)` is
 * `[image, classIndex]`. `imgs` is `samples`. Works with `new DataLoader(images, { numWorkers: 2 })`
 * when the options are plain data or @dl/vision transforms (functions need `functionFromModule`).
 *
 * @example
 * ```ts
 * const images = new ImageFolder('/path/to/image/folder');
 * await images.getItem(0); // [<Image mode=RGB size=1198x424>, 0]
 * images.classes; // ['cat', 'dog']
 * ```
 */
export class ImageFolder<TX = Image, TY = number> extends DatasetFolder<Image, TX, TY> {
  private readonly imageFolderOptions: ImageFolderOptions<TX, TY>;

  constructor(root: string, options: ImageFolderOptions<TX, TY> = {}) {
    super(root, {
      ...options,
      loader: options.loader ?? defaultLoader,
      extensions: options.isValidFile === undefined ? IMG_EXTENSIONS : undefined,
    });
    this.imageFolderOptions = options;
  }

  /** The samples: `[path, classIndex]` (torchvision's `imgs`). */
  get imgs(): FolderSample[] {
    return this.samples;
  }

  /** Rebuilds with the options as given (the default loader is not passed along: it is the default there too). */
  override workerSpec(): ModuleExport | undefined {
    const spec = super.workerSpec();
    return spec && { ...spec, args: [this.rootLocation, this.imageFolderOptions] };
  }
}
