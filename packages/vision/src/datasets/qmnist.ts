import { basename, extname } from 'node:path';
import { tensor, ValueError, type Tensor } from '@dl/core';
import { DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import type { IdxArray } from './idx';
import { MnistBase } from './internal/mnist-base';

/**
 * QMNIST's subsets: `train`, `test` (all 60k), `test10k` (MNIST's test set), `test50k` (the rest), `nist` (all 402,953 digits).
 *
 * @example
 * ```ts
 * new QMNIST('./data', { what: 'test10k' });
 * ```
 */
export type QMNISTWhat = 'train' | 'test' | 'test10k' | 'test50k' | 'nist';

/**
 * A QMNIST target: the class number (`compat: true`) or the 8 values of the extended label.
 *
 * @example
 * ```ts
 * const [, target] = await new QMNIST('./data', { compat: false }).getItem(0); // a Tensor [8]
 * ```
 */
export type QMNISTTarget = number | Tensor;

/**
 * Options of {@link QMNIST}.
 *
 * @example
 * ```ts
 * new QMNIST('./data', { what: 'nist', compat: false, download: true });
 * ```
 */
export interface QMNISTOptions<TX = Image, TY = QMNISTTarget> extends VisionDatasetOptions<Image, QMNISTTarget, TX, TY> {
  /** The subset. @default 'train' when `train` is true, else 'test' */
  what?: QMNISTWhat;
  /** Targets are class numbers (true), or int32 Tensors of the 8 extended label values (false). @default true */
  compat?: boolean;
  /** Picks `what` when it is not given. @default true */
  train?: boolean;
}

const QMNIST_URL = 'https://raw.githubusercontent.com/facebookresearch/qmnist/master/';

/**
 * QMNIST (torchvision's `QMNIST`): MNIST rebuilt from NIST's original scans, with a 60k test
 * set and extended labels. Each label file row holds 8 integers: the digit, the NIST HSF series,
 * the writer id, the digit's index for that writer, the NIST class code, a duplicate flag, and
 * two unused zeros. Items are `[image, target]` with an `L` 28x28 {@link Image}; `target` is the
 * digit (`compat: true`) or an int32 Tensor `[8]` of the row. `targets` is an int32 Tensor `[N, 8]`.
 *
 * `download: true` fetches only the subset's two files (MD5-checked; `.gz`, or `.xz` for `nist`)
 * into `root/QMNIST/raw` and decompresses them. Throws a `ValueError` for an unknown `what`.
 *
 * @example
 * ```ts
 * const q = await new QMNIST('./data', { what: 'test50k', compat: false, download: true }).prepare();
 * const [img, target] = await q.getItem(0);
 * (target as Tensor).tolist(); // [3, 4, 2174, 0, 3, 0, 0, 0], say
 * ```
 */
export class QMNIST<TX = Image, TY = QMNISTTarget> extends MnistBase<QMNISTTarget, TX, TY> {
  /** Which downloaded subset each `what` reads. */
  static readonly subsets: Readonly<Record<QMNISTWhat, 'train' | 'test' | 'nist'>> = { train: 'train', test: 'test', test10k: 'test', test50k: 'test', nist: 'nist' };
  /** The two files (images, labels) of each downloaded subset, with MD5s (torchvision's `resources`). */
  static readonly resourcesBySubset: Readonly<Record<'train' | 'test' | 'nist', readonly DatasetResource[]>> = {
    train: [
      { url: `${QMNIST_URL}qmnist-train-images-idx3-ubyte.gz`, md5: 'ed72d4157d28c017586c42bc6afe6370', extract: true },
      { url: `${QMNIST_URL}qmnist-train-labels-idx2-int.gz`, md5: '0058f8dd561b90ffdd0f734c6a30e5e4', extract: true },
    ],
    test: [
      { url: `${QMNIST_URL}qmnist-test-images-idx3-ubyte.gz`, md5: '1394631089c404de565df7b7aeaf9412', extract: true },
      { url: `${QMNIST_URL}qmnist-test-labels-idx2-int.gz`, md5: '5b5b05890a5e13444e108efe57b788aa', extract: true },
    ],
    nist: [
      { url: `${QMNIST_URL}xnist-images-idx3-ubyte.xz`, md5: '7f124b3b8ab81486c9d8c2749c17f834', extract: true },
      { url: `${QMNIST_URL}xnist-labels-idx2-int.xz`, md5: '5ed0e788978e45d4a8bd4b7caec3d79d', extract: true },
    ],
  };
  /** The class names, in label order (MNIST's). */
  static readonly classes: readonly string[] = ['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four', '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine'];

  readonly name: string = 'QMNIST';
  /** The subset read. */
  readonly what: QMNISTWhat;
  /** Whether targets are class numbers. */
  readonly compat: boolean;
  protected readonly resources: readonly DatasetResource[];

  constructor(root: string, options: QMNISTOptions<TX, TY> = {}) {
    super(root, options);
    const what = options.what ?? (this.train ? 'train' : 'test');
    if (!Object.hasOwn(QMNIST.subsets, what)) {
      throw new ValueError(`QMNIST: unknown what ${JSON.stringify(what)} (expected one of ${Object.keys(QMNIST.subsets).join(', ')})`);
    }
    this.what = what;
    this.compat = options.compat ?? true;
    this.resources = QMNIST.resourcesBySubset[QMNIST.subsets[what]];
  }

  get classes(): readonly string[] {
    return QMNIST.classes;
  }

  protected get imagesFile(): string {
    return rawName(this.resources[0]!);
  }

  protected get labelsFile(): string {
    return rawName(this.resources[1]!);
  }

  protected override async load(): Promise<void> {
    await super.load();
    if (this.what === 'test10k') this.keepRange(0, 10000);
    else if (this.what === 'test50k') this.keepRange(10000, Infinity);
  }

  protected readTargets(labels: IdxArray, path: string): { values: Int32Array; shape: number[] } {
    const integer = labels.dtype !== 'float32' && labels.dtype !== 'float64';
    if (!integer || labels.shape.length !== 2) {
      throw new DatasetError(`${this.name}: ${path} should hold integer labels [N, 8], got ${labels.dtype} [${labels.shape.join(', ')}]`);
    }
    return { values: labels.data instanceof Int32Array ? labels.data : Int32Array.from(labels.data), shape: labels.shape };
  }

  protected targetAt(labels: Int32Array, index: number): QMNISTTarget {
    const width = labels.length / this.length;
    if (this.compat) return labels[index * width]!;
    return tensor(labels.slice(index * width, (index + 1) * width));
  }

  protected override extraRepr(): string {
    return `Split: ${this.what}`;
  }
}

/** The decompressed file's name: the URL's last segment without its `.gz` / `.xz`. */
function rawName(resource: DatasetResource): string {
  const file = basename(new URL(resource.url).pathname);
  return file.slice(0, file.length - extname(file).length);
}
