import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor, ValueError, type Tensor } from '@dl/core';
import { checkIntegrity, DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { Image } from '../image/image';
import { readWholeFile } from './internal/read-whole-file';
import { VisionDataset } from './vision-dataset';

/**
 * STL-10's splits.
 *
 * @example
 * ```ts
 * new STL10('./data', { split: 'unlabeled' });
 * ```
 */
export type STL10Split = 'train' | 'train+unlabeled' | 'unlabeled' | 'test';

/**
 * Options of {@link STL10}.
 *
 * @example
 * ```ts
 * new STL10('./data', { split: 'train', folds: 3, download: true });
 * ```
 */
export interface STL10Options<TX = Image, TY = number> extends VisionDatasetOptions<Image, number, TX, TY> {
  /** Which images to read. @default 'train' */
  split?: STL10Split;
  /** One of the ten predefined folds of 1,000 training images (`fold_indices.txt`), or all 5,000. @default undefined */
  folds?: number;
}

const SIDE = 96;
const IMAGE_BYTES = 3 * SIDE * SIDE;

/**
 * STL-10 (torchvision's `STL10`): 96x96 color images of 10 classes, 5,000 labeled training
 * images, 8,000 test images and 100,000 unlabeled ones, from the binary version
 * (`stl10_binary.tar.gz`, extracted to `root/stl10_binary`). The files store each image
 * column-major by channel; items are `[image, label]` with an `RGB` {@link Image} and the label
 * 0-9, or -1 for unlabeled images. `folds` (0-9) keeps one of the predefined 1,000-image
 * training folds.
 *
 * On `prepare()` the files this split reads are MD5-checked (torchvision checks all five every
 * time). `data` is an int32 Tensor `[N, 3, 96, 96]`, `labels` the labels, `classes` the names
 * from `class_names.txt`.
 *
 * Throws a `ValueError` for an unknown split or a fold outside 0-9.
 *
 * @example
 * ```ts
 * const stl = await new STL10('./data', { split: 'train', folds: 0, download: true }).prepare();
 * stl.length; // 1000
 * await stl.getItem(0); // [<Image mode=RGB size=96x96>, 1]
 * ```
 */
export class STL10<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  /** The folder the archive extracts to. */
  static readonly baseFolder: string = 'stl10_binary';
  /** The archive's URL. */
  static readonly url: string = 'http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz';
  /** The archive's file name in `root`. */
  static readonly filename: string = 'stl10_binary.tar.gz';
  /** The archive's MD5. */
  static readonly tgzMd5: string = '91f7769df0f17e558f3565bffb0c7dfb';
  /** The class names, one a line. */
  static readonly classNamesFile: string = 'class_names.txt';
  /** The ten folds, one a line of training image indices. */
  static readonly foldsListFile: string = 'fold_indices.txt';
  /** `train_X.bin`, `train_y.bin`, `unlabeled_X.bin` and their MD5s (torchvision's `train_list`). */
  static readonly trainList: readonly (readonly [string, string])[] = [
    ['train_X.bin', '918c2871b30a85fa023e0c44e0bee87f'],
    ['train_y.bin', '5a34089d4802c674881badbb80307741'],
    ['unlabeled_X.bin', '5242ba1fed5e4be9e1e742405eb56ca4'],
  ];
  /** `test_X.bin`, `test_y.bin` and their MD5s. */
  static readonly testList: readonly (readonly [string, string])[] = [
    ['test_X.bin', '7f263ba9f9e0b06b93213547f721ac82'],
    ['test_y.bin', '36f9794fa4beb8a2c72628de14fa638e'],
  ];
  /** The split names. */
  static readonly splits: readonly STL10Split[] = ['train', 'train+unlabeled', 'unlabeled', 'test'];

  readonly name: string = 'STL10';
  /** The split read. */
  readonly split: STL10Split;
  /** The fold read, if any. */
  readonly folds: number | undefined;
  protected readonly resources: readonly DatasetResource[];

  private pixels: Uint8Array = new Uint8Array(0);
  private labelValues: number[] = [];
  private classNames: string[] = [];
  private dataTensor: Tensor | undefined;

  constructor(root: string, options: STL10Options<TX, TY> = {}) {
    super(root, options);
    const split = options.split ?? 'train';
    if (!STL10.splits.includes(split)) throw new ValueError(`STL10: unknown split ${JSON.stringify(split)} (expected one of ${STL10.splits.join(', ')})`);
    const folds = options.folds ?? undefined;
    if (folds !== undefined && !(Number.isInteger(folds) && folds >= 0 && folds < 10)) {
      throw new ValueError(`STL10: folds should be an integer in [0, 10), got ${String(folds)}`);
    }
    this.split = split;
    this.folds = folds;
    const cls = this.constructor as typeof STL10;
    this.resources = [{ url: cls.url, filename: cls.filename, md5: cls.tgzMd5, extract: true }];
  }

  /** The archive and the extracted folder live in `root` itself (torchvision's layout). */
  override get folder(): string {
    return this.root;
  }

  /** The extracted folder, `root/stl10_binary`. */
  get baseFolder(): string {
    return join(this.root, (this.constructor as typeof STL10).baseFolder);
  }

  get length(): number {
    this.ensurePrepared();
    return this.labelValues.length;
  }

  /** The labels 0-9, -1 for unlabeled images (torchvision's `labels`). */
  get labels(): readonly number[] {
    this.ensurePrepared();
    return this.labelValues;
  }

  /** The class names from `class_names.txt` (empty when the file is absent). */
  get classes(): readonly string[] {
    this.ensurePrepared();
    return this.classNames;
  }

  /** The images as an int32 Tensor `[N, 3, 96, 96]` of 0..255 (torchvision's uint8 `data`); made on first use. */
  get data(): Tensor {
    this.ensurePrepared();
    if (!this.dataTensor) {
      const n = this.labelValues.length;
      const out = new Int32Array(n * IMAGE_BYTES);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < 3; c++) for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) out[((i * 3 + c) * SIDE + y) * SIDE + x] = this.pixels[i * IMAGE_BYTES + c * SIDE * SIDE + x * SIDE + y]!;
      }
      this.dataTensor = tensor(out).reshape([n, 3, SIDE, SIDE]);
    }
    return this.dataTensor;
  }

  /** Whether the files this split reads are there with their MD5s. */
  protected override async checkExists(): Promise<boolean> {
    const cls = this.constructor as typeof STL10;
    const wanted = new Set(this.files().flat());
    for (const [file, md5] of [...cls.trainList, ...cls.testList]) {
      if (wanted.has(file) && !(await checkIntegrity(join(this.baseFolder, file), { md5 }))) return false;
    }
    return true;
  }

  protected async load(): Promise<void> {
    const cls = this.constructor as typeof STL10;
    const parts: Uint8Array[] = [];
    const labels: number[] = [];
    const [labeled, unlabeled] = this.files();
    if (labeled.length) {
      let { pixels, labels: l } = await this.readPair(labeled[0]!, labeled[1]!);
      if (this.folds !== undefined) ({ pixels, labels: l } = await this.selectFold(pixels, l));
      parts.push(pixels);
      labels.push(...l);
    }
    if (unlabeled.length) {
      const pixels = await this.readImages(unlabeled[0]!);
      parts.push(pixels);
      labels.push(...new Array<number>(pixels.length / IMAGE_BYTES).fill(-1));
    }
    this.pixels = parts.length === 1 ? parts[0]! : concat(parts);
    this.labelValues = labels;
    const names = await readFile(join(this.baseFolder, cls.classNamesFile), 'utf8').catch(() => undefined);
    this.classNames = names === undefined ? [] : names.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
    this.dataTensor?.dispose();
    this.dataTensor = undefined;
  }

  protected loadItem(index: number): [Image, number] {
    const out = new Uint8Array(IMAGE_BYTES);
    const base = index * IMAGE_BYTES;
    for (let c = 0; c < 3; c++) for (let x = 0; x < SIDE; x++) for (let y = 0; y < SIDE; y++) out[(y * SIDE + x) * 3 + c] = this.pixels[base + c * SIDE * SIDE + x * SIDE + y]!;
    return [new Image(SIDE, SIDE, 'RGB', out), this.labelValues[index]!];
  }

  protected override extraRepr(): string {
    return `Split: ${this.split}`;
  }

  /** The labeled pair ([images, labels] or none) and the unlabeled file (or none) this split reads. */
  private files(): [string[], string[]] {
    const cls = this.constructor as typeof STL10;
    const [trainX, trainY, unlabeledX] = cls.trainList.map(([f]) => f);
    const [testX, testY] = cls.testList.map(([f]) => f);
    if (this.split === 'train') return [[trainX!, trainY!], []];
    if (this.split === 'test') return [[testX!, testY!], []];
    if (this.split === 'unlabeled') return [[], [unlabeledX!]];
    return [[trainX!, trainY!], [unlabeledX!]];
  }

  private async readImages(file: string): Promise<Uint8Array> {
    const path = join(this.baseFolder, file);
    const bytes = await readWholeFile(path, this.name);
    if (bytes.length % IMAGE_BYTES !== 0) {
      throw new DatasetError(`${this.name}: ${path} should hold 96x96x3 images of ${IMAGE_BYTES} bytes, but its ${bytes.length} bytes are not a whole number of them`);
    }
    return bytes;
  }

  private async readPair(imagesFile: string, labelsFile: string): Promise<{ pixels: Uint8Array; labels: number[] }> {
    const pixels = await this.readImages(imagesFile);
    const path = join(this.baseFolder, labelsFile);
    // The files number the classes 1-10; torchvision subtracts 1 in uint8 arithmetic.
    const labels = Array.from(await readWholeFile(path, this.name), (v) => (v + 255) % 256);
    if (labels.length !== pixels.length / IMAGE_BYTES) {
      throw new DatasetError(`${this.name}: ${path} holds ${labels.length} labels but ${join(this.baseFolder, imagesFile)} holds ${pixels.length / IMAGE_BYTES} images`);
    }
    return { pixels, labels };
  }

  private async selectFold(pixels: Uint8Array, labels: number[]): Promise<{ pixels: Uint8Array; labels: number[] }> {
    const path = join(this.baseFolder, (this.constructor as typeof STL10).foldsListFile);
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new DatasetError(`${this.name}: cannot read the folds file ${path}: ${(error as Error).message}`, { cause: error });
    });
    const line = text.split(/\r?\n/)[this.folds!];
    const indices = (line ?? '').split(/\s+/).filter((t) => t !== '').map(Number);
    const bad = indices.find((i) => !Number.isInteger(i) || i < 0 || i >= labels.length);
    if (line === undefined || bad !== undefined) {
      throw new DatasetError(`${this.name}: ${path}: fold ${this.folds} ${line === undefined ? 'is missing' : `holds ${bad}, not an index of the ${labels.length} training images`}`);
    }
    const out = new Uint8Array(indices.length * IMAGE_BYTES);
    indices.forEach((src, dst) => {
      out.set(pixels.subarray(src * IMAGE_BYTES, (src + 1) * IMAGE_BYTES), dst * IMAGE_BYTES);
    });
    return { pixels: out, labels: indices.map((i) => labels[i]!) };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
