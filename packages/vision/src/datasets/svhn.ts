import { join } from 'node:path';
import { tensor, ValueError, type Tensor } from '@dl/core';
import { checkIntegrity, DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { Image } from '../image/image';
import { matNumeric, matToNumbers } from './mat/mat-access';
import { readMatFile } from './mat/read-mat';
import { VisionDataset } from './vision-dataset';

/**
 * SVHN's splits: `train` (73,257 digits), `test` (26,032) and `extra` (531,131 easier ones).
 *
 * @example
 * ```ts
 * new SVHN('./data', { split: 'extra' });
 * ```
 */
export type SVHNSplit = 'train' | 'test' | 'extra';

/**
 * Options of {@link SVHN}.
 *
 * @example
 * ```ts
 * new SVHN('./data', { split: 'test', download: true });
 * ```
 */
export interface SVHNOptions<TX = Image, TY = number> extends VisionDatasetOptions<Image, number, TX, TY> {
  /** Which file to read. @default 'train' */
  split?: SVHNSplit;
}

/**
 * The Street View House Numbers digits (torchvision's `SVHN`, cropped-digits format): 32x32 RGB
 * images from MATLAB v5 `.mat` files holding `X` (uint8 `[32, 32, 3, N]`, column-major) and `y`
 * (double `[N, 1]`). Items are `[image, label]` with an `RGB` {@link Image}; SVHN labels the
 * digit 0 as 10, which becomes 0 here, as in torchvision.
 *
 * The split's file is downloaded (MD5-checked) into `root` itself, as torchvision does. The file
 * is MD5-checked again on every `prepare()` (torchvision's `_check_integrity`), so a corrupt file
 * reads as missing. `data` is an int32 Tensor `[N, 3, 32, 32]`; `labels` the labels.
 *
 * @example
 * ```ts
 * const svhn = await new SVHN('./data', { split: 'test', download: true }).prepare();
 * await svhn.getItem(0); // [<Image mode=RGB size=32x32>, 5]
 * ```
 */
export class SVHN<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  /** Each split's URL, file name and MD5 (torchvision's `split_list`). */
  static readonly splitList: Readonly<Record<SVHNSplit, readonly [string, string, string]>> = {
    train: ['http://ufldl.stanford.edu/housenumbers/train_32x32.mat', 'train_32x32.mat', 'e26dedcc434d2e4c54c9b2d4a06d8373'],
    test: ['http://ufldl.stanford.edu/housenumbers/test_32x32.mat', 'test_32x32.mat', 'eb5a983be6a315427106f1b164d9cef3'],
    extra: ['http://ufldl.stanford.edu/housenumbers/extra_32x32.mat', 'extra_32x32.mat', 'a93ce644f1a588dc4d68dda5feec44a7'],
  };

  readonly name: string = 'SVHN';
  /** The split read. */
  readonly split: SVHNSplit;
  protected readonly resources: readonly DatasetResource[];

  private pixels: Uint8Array = new Uint8Array(0);
  private shape: [number, number, number, number] = [0, 0, 0, 0];
  private labelValues: number[] = [];
  private dataTensor: Tensor | undefined;

  constructor(root: string, options: SVHNOptions<TX, TY> = {}) {
    super(root, options);
    const split = options.split ?? 'train';
    if (!Object.hasOwn(SVHN.splitList, split)) {
      throw new ValueError(`SVHN: unknown split ${JSON.stringify(split)} (expected one of ${Object.keys(SVHN.splitList).join(', ')})`);
    }
    this.split = split;
    const [url, filename, md5] = SVHN.splitList[split];
    this.resources = [{ url, filename, md5 }];
  }

  /** The files live in `root` itself (torchvision's layout). */
  override get folder(): string {
    return this.root;
  }

  get length(): number {
    this.ensurePrepared();
    return this.labelValues.length;
  }

  /** The labels 0-9 (torchvision's `labels`). */
  get labels(): readonly number[] {
    this.ensurePrepared();
    return this.labelValues;
  }

  /** The images as an int32 Tensor `[N, 3, 32, 32]` of 0..255 (torchvision's uint8 `data`); made on first use. */
  get data(): Tensor {
    this.ensurePrepared();
    if (!this.dataTensor) {
      const [h, w, c, n] = this.shape;
      const out = new Int32Array(n * c * h * w);
      // Column-major [H, W, C, N] to row-major [N, C, H, W].
      for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[((i * c + k) * h + y) * w + x] = this.pixels[y + h * (x + w * (k + c * i))]!;
      this.dataTensor = tensor(out).reshape([n, c, h, w]);
    }
    return this.dataTensor;
  }

  /** Whether the split's file is there with the right MD5 (torchvision's `_check_integrity`). */
  protected override async checkExists(): Promise<boolean> {
    const resource = this.resources[0]!;
    return checkIntegrity(join(this.folder, resource.filename ?? ''), { md5: resource.md5 });
  }

  protected async load(): Promise<void> {
    const path = join(this.folder, this.resources[0]!.filename ?? '');
    const mat = await readMatFile(path);
    const x = matNumeric(mat.X, `${this.name}: ${path}: X`);
    const [h = 0, w = 0, c = 0, n = 1] = x.dims;
    if (x.class !== 'uint8' || x.dims.length < 3 || x.dims.length > 4 || c !== 3) {
      throw new DatasetError(`${this.name}: ${path}: X should be uint8 images [H, W, 3, N], got ${x.class} [${x.dims.join(', ')}]`);
    }
    const labels = matToNumbers(mat.y, `${this.name}: ${path}: y`);
    if (labels.length !== n) throw new DatasetError(`${this.name}: ${path}: y holds ${labels.length} labels but X holds ${n} images`);
    this.pixels = x.data as Uint8Array;
    this.shape = [h, w, c, n];
    this.labelValues = labels.map((v) => (v === 10 ? 0 : v));
    this.dataTensor?.dispose();
    this.dataTensor = undefined;
  }

  protected loadItem(index: number): [Image, number] {
    const [h, w, c] = this.shape;
    const out = new Uint8Array(h * w * c);
    const base = index * h * w * c;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) out[(y * w + x) * c + k] = this.pixels[base + y + h * (x + w * k)]!;
    return [new Image(w, h, 'RGB', out), this.labelValues[index]!];
  }

  protected override extraRepr(): string {
    return `Split: ${this.split}`;
  }
}
