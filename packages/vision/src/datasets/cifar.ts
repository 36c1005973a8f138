import { join } from 'node:path';
import { ValueError, type Tensor, tensor } from '@dl/core';
import { checkIntegrity, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { Image } from '../image/image';
import { readCifarBinary, readCifarPython, type CifarBatches } from './internal/cifar-files';
import { VisionDataset } from './vision-dataset';

/**
 * The versions of the CIFAR archives: Python pickles, or the binary files for C programs.
 *
 * @example
 * ```ts
 * new CIFAR10('./data', { format: 'binary', download: true });
 * ```
 */
export type CIFARFormat = 'python' | 'binary';

/**
 * Options of {@link CIFAR10} and {@link CIFAR100}.
 *
 * @example
 * ```ts
 * new CIFAR100('./data', { train: false, format: 'python', download: true });
 * ```
 */
export interface CIFAROptions<TX = Image, TY = number> extends VisionDatasetOptions<Image, number, TX, TY> {
  /** The training batches or the test batch. @default true */
  train?: boolean;
  /** Which version of the archive to download and read. @default 'python' (torchvision's) */
  format?: CIFARFormat;
}

/**
 * Where the python version of a CIFAR archive lives and what it holds (torchvision's class attributes).
 *
 * @example
 * ```ts
 * CIFAR10.python.trainList[0]; // ['data_batch_1', 'c99cafc152244af753f735de768cd75f']
 * ```
 */
export interface CIFARPythonVersion {
  /** The folder the archive extracts to, under `root`. */
  baseFolder: string;
  url: string;
  filename: string;
  /** The archive's MD5. */
  tgzMd5: string;
  /** The training batch files and their MD5s. */
  trainList: readonly (readonly [string, string])[];
  /** The test batch files and their MD5s. */
  testList: readonly (readonly [string, string])[];
  /** The metadata pickle, the key of its class names, and its MD5. */
  meta: { filename: string; key: string; md5: string };
}

/**
 * Where the binary version of a CIFAR archive lives and what it holds.
 *
 * @example
 * ```ts
 * CIFAR100.binary.labelBytes; // 2
 * ```
 */
export interface CIFARBinaryVersion {
  baseFolder: string;
  url: string;
  filename: string;
  tgzMd5: string;
  trainFiles: readonly string[];
  testFiles: readonly string[];
  /** The text file of class names, one a line. */
  metaFile: string;
  /** Label bytes before each image: 1 (CIFAR-10), or 2 (CIFAR-100: coarse, then fine). */
  labelBytes: number;
}

/**
 * CIFAR-10 (torchvision's `CIFAR10`): 60,000 32x32 color images in 10 classes, 50,000 for
 * training (five batches) and 10,000 for testing. Items are `[image, label]` with an `RGB`
 * {@link Image}.
 *
 * `download: true` fetches the archive (MD5-checked) into `root` and extracts it there, as
 * torchvision does (`root/cifar-10-batches-py`). The default `format: 'python'` reads the
 * pickled batches through @dl/core's restricted unpickler (no code in them can run) and, like
 * torchvision, MD5-checks every batch file on `prepare()`; `format: 'binary'` reads the version
 * for C programs (`cifar-10-binary.tar.gz`, `root/cifar-10-batches-bin`), with the same items.
 * `data` is an int32 Tensor `[N, 32, 32, 3]` (HWC, as torchvision's numpy array), `targets` the
 * labels, `classes` the names from the batches' metadata.
 *
 * @example
 * ```ts
 * const cifar = await new CIFAR10('./data', { train: false, download: true }).prepare();
 * const [img, label] = await cifar.getItem(0); // [<Image mode=RGB size=32x32>, 3]
 * cifar.classes[label]; // 'cat'
 * ```
 */
export class CIFAR10<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  /** The python version (torchvision's `base_folder`, `url`, `tgz_md5`, `train_list`, `test_list`, `meta`). */
  static readonly python: CIFARPythonVersion = {
    baseFolder: 'cifar-10-batches-py',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
    filename: 'cifar-10-python.tar.gz',
    tgzMd5: 'c58f30108f718f92721af3b95e74349a',
    trainList: [
      ['data_batch_1', 'c99cafc152244af753f735de768cd75f'],
      ['data_batch_2', 'd4bba439e000b95fd0a9bffe97cbabec'],
      ['data_batch_3', '54ebc095f3ab1f0389bbae665268c751'],
      ['data_batch_4', '634d18415352ddfa80567beed471001a'],
      ['data_batch_5', '482c414d41f54cd18b22e5b47cb7c3cb'],
    ],
    testList: [['test_batch', '40351d587109b95175f43aff81a1287e']],
    meta: { filename: 'batches.meta', key: 'label_names', md5: '5ff9c542aee3614f3951f8cda6e48888' },
  };
  /** The binary version, as the CIFAR page lists it. */
  static readonly binary: CIFARBinaryVersion = {
    baseFolder: 'cifar-10-batches-bin',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
    filename: 'cifar-10-binary.tar.gz',
    tgzMd5: 'c32a1d4ab5d03f1284b67883e8d87530',
    trainFiles: ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'],
    testFiles: ['test_batch.bin'],
    metaFile: 'batches.meta.txt',
    labelBytes: 1,
  };

  readonly name: string = 'CIFAR10';
  /** Whether this is the training set. */
  readonly train: boolean;
  /** The archive version read. */
  readonly format: CIFARFormat;
  protected readonly resources: readonly DatasetResource[];

  private batches: CifarBatches = { pixels: new Uint8Array(0), labels: [], classes: [] };
  private dataTensor: Tensor | undefined;

  constructor(root: string, options: CIFAROptions<TX, TY> = {}) {
    super(root, options);
    const format = options.format ?? 'python';
    if (format !== 'python' && format !== 'binary') {
      throw new ValueError(`${new.target.name}: format must be 'python' or 'binary', got ${JSON.stringify(format)}`);
    }
    this.train = options.train ?? true;
    this.format = format;
    const version = this.version;
    this.resources = [{ url: version.url, filename: version.filename, md5: version.tgzMd5, extract: true }];
  }

  /** The archive and the extracted files live in `root` itself (torchvision's layout). */
  override get folder(): string {
    return this.root;
  }

  /** The folder of the extracted batches (`root/cifar-10-batches-py`, ...). */
  get baseFolder(): string {
    return join(this.root, this.version.baseFolder);
  }

  get length(): number {
    this.ensurePrepared();
    return this.batches.labels.length;
  }

  /** The class names, in label order (from `batches.meta`). */
  get classes(): readonly string[] {
    this.ensurePrepared();
    return this.batches.classes;
  }

  /** Each class name's index. */
  get classToIdx(): Record<string, number> {
    return Object.fromEntries(this.classes.map((name, i) => [name, i]));
  }

  /** The label of every image (torchvision's `targets`). */
  get targets(): readonly number[] {
    this.ensurePrepared();
    return this.batches.labels;
  }

  /** The images as an int32 Tensor `[N, 32, 32, 3]` (HWC) of 0..255, like torchvision's uint8 `data`; made on first use. */
  get data(): Tensor {
    this.ensurePrepared();
    if (!this.dataTensor) {
      const n = this.batches.labels.length;
      const out = new Int32Array(n * 3072);
      for (let i = 0; i < n; i++) chwToHwc(this.batches.pixels, i * 3072, out, i * 3072);
      this.dataTensor = tensor(out).reshape([n, 32, 32, 3]);
    }
    return this.dataTensor;
  }

  /** The class's description of the chosen archive version. */
  protected get version(): CIFARPythonVersion | CIFARBinaryVersion {
    const cls = this.constructor as typeof CIFAR10;
    return this.format === 'python' ? cls.python : cls.binary;
  }

  /** Python version: every batch and the metadata have their MD5 (torchvision's `_check_integrity`); binary: the files exist. */
  protected override async checkExists(): Promise<boolean> {
    const v = this.version;
    const files: (readonly [string, string | undefined])[] =
      'trainList' in v ? [...v.trainList, ...v.testList, [v.meta.filename, v.meta.md5]] : [...v.trainFiles, ...v.testFiles, v.metaFile].map((f) => [f, undefined] as const);
    for (const [file, md5] of files) {
      if (!(await checkIntegrity(join(this.baseFolder, file), md5 === undefined ? {} : { md5 }))) return false;
    }
    return true;
  }

  protected async load(): Promise<void> {
    const v = this.version;
    const where = this.baseFolder;
    this.batches =
      'trainList' in v
        ? await readCifarPython(where, (this.train ? v.trainList : v.testList).map(([f]) => f), v.meta, this.name)
        : await readCifarBinary(where, this.train ? v.trainFiles : v.testFiles, v.metaFile, v.labelBytes, this.name);
    this.dataTensor?.dispose();
    this.dataTensor = undefined;
  }

  protected loadItem(index: number): [Image, number] {
    const out = new Uint8Array(3072);
    chwToHwc(this.batches.pixels, index * 3072, out, 0);
    return [new Image(32, 32, 'RGB', out), this.batches.labels[index]!];
  }

  protected override extraRepr(): string {
    return `Split: ${this.train ? 'train' : 'test'}`;
  }
}

/** One 3x32x32 image (red plane, green, blue) to 32x32x3. */
function chwToHwc(src: Uint8Array, from: number, dst: Uint8Array | Int32Array, to: number): void {
  for (let p = 0; p < 1024; p++) {
    dst[to + 3 * p] = src[from + p]!;
    dst[to + 3 * p + 1] = src[from + 1024 + p]!;
    dst[to + 3 * p + 2] = src[from + 2048 + p]!;
  }
}

/**
 * CIFAR-100 (torchvision's `CIFAR100`): like {@link CIFAR10} with 100 classes (fine labels; the
 * 20 superclasses are not served, as in torchvision), from `root/cifar-100-python` (or
 * `root/cifar-100-binary` with `format: 'binary'`).
 *
 * @example
 * ```ts
 * const cifar = await new CIFAR100('./data', { download: true }).prepare();
 * cifar.classes.length; // 100
 * ```
 */
export class CIFAR100<TX = Image, TY = number> extends CIFAR10<TX, TY> {
  static override readonly python: CIFARPythonVersion = {
    baseFolder: 'cifar-100-python',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz',
    filename: 'cifar-100-python.tar.gz',
    tgzMd5: 'eb9058c3a382ffc7106e4002c42a8d85',
    trainList: [['train', '16019d7e3df5f24257cddd939b257f8d']],
    testList: [['test', 'f0ef6b0ae62326f3e7ffdfab6717acfc']],
    meta: { filename: 'meta', key: 'fine_label_names', md5: '7973b15100ade9c7d40fb424638fde48' },
  };
  static override readonly binary: CIFARBinaryVersion = {
    baseFolder: 'cifar-100-binary',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
    filename: 'cifar-100-binary.tar.gz',
    tgzMd5: '03b5dce01913d631647c71ecec9e9cb8',
    trainFiles: ['train.bin'],
    testFiles: ['test.bin'],
    metaFile: 'fine_label_names.txt',
    labelBytes: 2,
  };

  override readonly name: string = 'CIFAR100';
}
