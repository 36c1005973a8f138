import { DatasetError, type DatasetResource } from '@dl/core/node';
import type { Image } from '../image/image';
import type { IdxArray } from './idx';
import { MnistBase, type MnistOptions } from './internal/mnist-base';
import { mnistResources } from './internal/mnist-resources';

export type { MnistOptions } from './internal/mnist-base';

/**
 * The MNIST handwritten digits (torchvision's `MNIST`): 60,000 training and 10,000 test images
 * of 28x28 gray pixels. Each item is `[image, label]`: an `L` {@link Image} and the digit 0-9.
 *
 * With `download: true` the four IDX `.gz` files are fetched from {@link MNIST.mirrors} (the
 * next mirror when one fails), MD5-checked and decompressed into `root/MNIST/raw`, as torchvision
 * lays them out. `data` (`[N, 28, 28]`) and `targets` (`[N]`) are int32 Tensors.
 *
 * @example
 * ```ts
 * const mnist = await new MNIST('.', { download: true }).prepare();
 * String(mnist);
 * // Dataset MNIST
 * //     Number of datapoints: 60000
 * //     Split: train
 * //     Root Location: .
 * //     Transforms (if any): None
 * //     Target Transforms (if any): None
 * await mnist.getItem(1); // [<Image mode=L size=28x28>, 0]
 * ```
 */
export class MNIST<TX = Image, TY = number> extends MnistBase<number, TX, TY> {
  /** Where the files are served, tried in order (torchvision 0.14's list). */
  static readonly mirrors: readonly string[] = ['http://yann.lecun.com/exdb/mnist/', 'https://ossci-datasets.s3.amazonaws.com/mnist/'];
  /** The files and their MD5 digests (torchvision's `resources`). */
  static readonly files: readonly (readonly [string, string])[] = [
    ['train-images-idx3-ubyte.gz', 'f68b3c2dcbeaaa9fbdd348bbdeb94873'],
    ['train-labels-idx1-ubyte.gz', 'd53e105ee54ea40749a09fcbcd1e9432'],
    ['t10k-images-idx3-ubyte.gz', '9fb629c4189551a2d022fa330f9573f3'],
    ['t10k-labels-idx1-ubyte.gz', 'ec29112dd5afa0611ce80d1b7f02629c'],
  ];
  /** The download metadata: every file with its URL, mirrors and MD5. */
  static readonly resources: readonly DatasetResource[] = mnistResources(MNIST.mirrors, MNIST.files);
  /** The class names, in label order. */
  static readonly classes: readonly string[] = ['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four', '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine'];

  readonly name: string = 'MNIST';
  protected readonly resources: readonly DatasetResource[] = (this.constructor as typeof MNIST).resources;

  constructor(root: string, options: MnistOptions<TX, TY> = {}) {
    super(root, options);
  }

  get classes(): readonly string[] {
    return (this.constructor as typeof MNIST).classes;
  }

  protected get imagesFile(): string {
    return `${this.train ? 'train' : 't10k'}-images-idx3-ubyte`;
  }

  protected get labelsFile(): string {
    return `${this.train ? 'train' : 't10k'}-labels-idx1-ubyte`;
  }

  protected readTargets(labels: IdxArray, path: string): { values: Int32Array; shape: number[] } {
    if (labels.dtype !== 'uint8' || labels.shape.length !== 1) {
      throw new DatasetError(`${this.name}: ${path} should hold uint8 labels [N], got ${labels.dtype} [${labels.shape.join(', ')}]`);
    }
    return { values: Int32Array.from(labels.data), shape: labels.shape };
  }

  protected targetAt(labels: Int32Array, index: number): number {
    return labels[index]!;
  }

  protected override extraRepr(): string {
    return `Split: ${this.train ? 'train' : 'test'}`;
  }
}
