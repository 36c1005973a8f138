import type { DatasetResource } from '@dl/core/node';
import type { Image } from '../image/image';
import { mnistResources } from './internal/mnist-resources';
import { MNIST } from './mnist';

/**
 * Kuzushiji-MNIST (torchvision's `KMNIST`): 70,000 28x28 images of ten cursive Japanese
 * (Kuzushiji) hiragana, in MNIST's format and layout (`root/KMNIST/raw`). Items are
 * `[image, label]` with an `L` {@link Image}; options as {@link MNIST}'s.
 *
 * @example
 * ```ts
 * const kmnist = await new KMNIST('./data', { train: false, download: true }).prepare();
 * kmnist.classes[(await kmnist.getItem(0))[1]]; // 'o', 'ki', ...
 * ```
 */
export class KMNIST<TX = Image, TY = number> extends MNIST<TX, TY> {
  static override readonly mirrors: readonly string[] = ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/'];
  static override readonly files: readonly (readonly [string, string])[] = [
    ['train-images-idx3-ubyte.gz', 'bdb82020997e1d708af4cf47b453dcf7'],
    ['train-labels-idx1-ubyte.gz', 'e144d726b3acfaa3e44228e80efcd344'],
    ['t10k-images-idx3-ubyte.gz', '5c965bf0a639b31b8f53240b1b52f4d7'],
    ['t10k-labels-idx1-ubyte.gz', '7320c461ea6c1c855c0b718fb2a4b134'],
  ];
  static override readonly resources: readonly DatasetResource[] = mnistResources(KMNIST.mirrors, KMNIST.files);
  static override readonly classes: readonly string[] = ['o', 'ki', 'su', 'tsu', 'na', 'ha', 'ma', 'ya', 're', 'wo'];

  override readonly name: string = 'KMNIST';
}
