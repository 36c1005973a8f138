import type { DatasetResource } from '@dl/core/node';
import type { Image } from '../image/image';
import { mnistResources } from './internal/mnist-resources';
import { MNIST } from './mnist';

/**
 * Zalando's Fashion-MNIST (torchvision's `FashionMNIST`): 70,000 28x28 gray images of ten kinds
 * of clothing, in MNIST's format and layout (`root/FashionMNIST/raw`). Items are
 * `[image, label]` with an `L` {@link Image}; options as {@link MNIST}'s.
 *
 * @example
 * ```ts
 * const fashion = await new FashionMNIST('./data', { download: true }).prepare();
 * fashion.classes; // ['T-shirt/top', 'Trouser', ..., 'Ankle boot']
 * ```
 */
export class FashionMNIST<TX = Image, TY = number> extends MNIST<TX, TY> {
  static override readonly mirrors: readonly string[] = ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'];
  static override readonly files: readonly (readonly [string, string])[] = [
    ['train-images-idx3-ubyte.gz', '8d4fb7e6c68d591d4c3dfef9ec88bf0d'],
    ['train-labels-idx1-ubyte.gz', '25c81989df183df01b3e8a0aad5dffbe'],
    ['t10k-images-idx3-ubyte.gz', 'bef4ecab320f06d8554ea6380940ec79'],
    ['t10k-labels-idx1-ubyte.gz', 'bb300cfdad3c16e7a12a480ee83cd310'],
  ];
  static override readonly resources: readonly DatasetResource[] = mnistResources(FashionMNIST.mirrors, FashionMNIST.files);
  static override readonly classes: readonly string[] = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

  override readonly name: string = 'FashionMNIST';
}
