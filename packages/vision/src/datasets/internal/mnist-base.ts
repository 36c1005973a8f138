import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor, type Tensor } from '@dl/core';
import { DatasetError, type VisionDatasetOptions } from '@dl/core/node';
import { Image } from '../../image/image';
import { readIdxFile, type IdxArray } from '../idx';
import { VisionDataset } from '../vision-dataset';

/**
 * Options of the MNIST family ({@link MNIST}, {@link KMNIST}, {@link FashionMNIST}, ...).
 *
 * @example
 * ```ts
 * new MNIST('./data', { train: false, download: true, transform: new ToTensor() });
 * ```
 */
export interface MnistOptions<TX = Image, TY = number> extends VisionDatasetOptions<Image, number, TX, TY> {
  /** The training set (`train-*` files) or the test set (`t10k-*`). @default true */
  train?: boolean;
}

/**
 * @internal What the MNIST family shares (torchvision's `MNIST` base): files in
 * `root/<name>/raw`, IDX images read as 8-bit `L` {@link Image}s, `data` and `targets` as int32
 * Tensors, `classes` and `classToIdx`. Subclasses name their files and decode their targets.
 */
export abstract class MnistBase<Y, TX, TY> extends VisionDataset<Image, Y, TX, TY> {
  /** Whether this is the training set. */
  readonly train: boolean;

  private images: Uint8Array = new Uint8Array(0);
  private imageShape: [number, number, number] = [0, 0, 0];
  private labels: Int32Array = new Int32Array(0);
  private labelShape: number[] = [0];
  private dataTensor: Tensor | undefined;
  private targetsTensor: Tensor | undefined;

  constructor(root: string, options: VisionDatasetOptions<Image, Y, TX, TY> & { train?: boolean } = {}) {
    super(root, options);
    this.train = options.train ?? true;
  }

  /** The class names, in label order. */
  abstract get classes(): readonly string[];

  /** The file name (in {@link MnistBase.rawFolder}) of this split's images. */
  protected abstract get imagesFile(): string;

  /** The file name of this split's labels. */
  protected abstract get labelsFile(): string;

  /** Checks the decoded labels file and returns its elements as int32 and its shape. */
  protected abstract readTargets(labels: IdxArray, path: string): { values: Int32Array; shape: number[] };

  /** The target of item `index` from the decoded labels. */
  protected abstract targetAt(labels: Int32Array, index: number): Y;

  /** Each class name's index. */
  get classToIdx(): Record<string, number> {
    return Object.fromEntries(this.classes.map((name, i) => [name, i]));
  }

  /** Where the files live: `root/<name>/raw`, as torchvision's `raw_folder`. */
  override get folder(): string {
    return join(this.root, this.name, 'raw');
  }

  /** Same as {@link MnistBase.folder} (torchvision's name). */
  get rawFolder(): string {
    return this.folder;
  }

  get length(): number {
    this.ensurePrepared();
    return this.imageShape[0];
  }

  /**
   * The images as an int32 Tensor `[N, H, W]` of values 0..255 (torchvision's uint8 `data`);
   * made on first use and kept (it takes 4 bytes per pixel).
   */
  get data(): Tensor {
    this.ensurePrepared();
    this.dataTensor ??= tensor(Int32Array.from(this.images)).reshape(this.imageShape);
    return this.dataTensor;
  }

  /** The labels as an int32 Tensor (torchvision's int64 `targets`); made on first use and kept. */
  get targets(): Tensor {
    this.ensurePrepared();
    this.targetsTensor ??= tensor(this.labels, { dtype: 'int32' }).reshape(this.labelShape);
    return this.targetsTensor;
  }

  /** Whether this split's images and labels files are in {@link MnistBase.rawFolder}. */
  protected override async checkExists(): Promise<boolean> {
    const exists = (file: string) =>
      access(join(this.folder, file)).then(
        () => true,
        () => false,
      );
    return (await exists(this.imagesFile)) && (await exists(this.labelsFile));
  }

  protected async load(): Promise<void> {
    const imagesPath = join(this.folder, this.imagesFile);
    const labelsPath = join(this.folder, this.labelsFile);
    const images = await readIdxFile(imagesPath);
    if (images.dtype !== 'uint8' || images.shape.length !== 3) {
      throw new DatasetError(`${this.name}: ${imagesPath} should hold uint8 images [N, H, W], got ${images.dtype} [${images.shape.join(', ')}]`);
    }
    const { values, shape } = this.readTargets(await readIdxFile(labelsPath), labelsPath);
    if (shape[0] !== images.shape[0]) {
      throw new DatasetError(`${this.name}: ${labelsPath} holds ${shape[0]} labels but ${imagesPath} holds ${images.shape[0]} images`);
    }
    this.images = images.data as Uint8Array;
    this.imageShape = images.shape as [number, number, number];
    this.labels = values;
    this.labelShape = shape;
    this.dataTensor?.dispose();
    this.targetsTensor?.dispose();
    this.dataTensor = this.targetsTensor = undefined;
  }

  /** Selects items `[start, end)` after loading (QMNIST's test10k / test50k). */
  protected keepRange(start: number, end: number): void {
    const [n, h, w] = this.imageShape;
    const stop = Math.min(end, n);
    const per = this.labelShape.slice(1).reduce((a, d) => a * d, 1);
    this.images = this.images.subarray(start * h * w, stop * h * w);
    this.labels = this.labels.subarray(start * per, stop * per);
    this.imageShape = [Math.max(0, stop - start), h, w];
    this.labelShape = [Math.max(0, stop - start), ...this.labelShape.slice(1)];
  }

  protected loadItem(index: number): [Image, Y] {
    const [, h, w] = this.imageShape;
    const pixels = this.images.slice(index * h * w, (index + 1) * h * w);
    return [new Image(w, h, 'L', pixels), this.targetAt(this.labels, index)];
  }
}
