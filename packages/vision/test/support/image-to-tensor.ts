import { tensor, type Tensor } from '@dl/core';
import type { Image } from '../../src/image/image';

/**
 * An `Image` as an int32 CHW tensor: a transform for DataLoader worker tests that depends on
 * nothing but @dl/core (rebuild it in workers with `functionFromModule`).
 */
export function imageToTensor(image: Image): Tensor {
  const { width, height, channels, data } = image;
  const chw = new Int32Array(data.length);
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < width * height; p++) chw[c * width * height + p] = data[p * channels + c]!;
  }
  return tensor(chw).reshape([channels, height, width]);
}
