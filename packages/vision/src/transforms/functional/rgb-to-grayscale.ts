import { add, clone, expand, mul, to, unbind, unsqueeze, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkOutputChannels, checkRank3 } from './internal/color-checks';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Converts an image to grayscale (torchvision's `rgb_to_grayscale`). An {@link Image} is
 * converted as PIL's `convert('L')` does (ITU-R 601-2 luma in fixed point; alpha ignored). A
 * tensor `[..., 1 or 3, H, W]` gets `0.2989 R + 0.587 G + 0.114 B` in float32, truncated for
 * int32 8-bit tensors as torchvision's uint8 path does; a 1-channel tensor is copied.
 *
 * @param numOutputChannels 1, or 3 for the gray level repeated in R, G and B. @default 1
 * @example
 * ```ts
 * rgbToGrayscale(img).mode; // 'L'
 * rgbToGrayscale(dl.rand([8, 3, 32, 32]), 3).shape; // [8, 3, 32, 32]
 * ```
 */
export function rgbToGrayscale<T extends ImageInput>(img: T, numOutputChannels = 1): T {
  const op = 'rgbToGrayscale';
  if (checkImageInput(img, op) === 'image') {
    checkOutputChannels(numOutputChannels, op);
    const gray = (img as Image).convert('L');
    return (numOutputChannels === 3 ? gray.convert('RGB') : gray) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  const c = checkChannels(t, [1, 3], op);
  checkOutputChannels(numOutputChannels, op);
  return scoped(t, () => {
    let gray: Tensor;
    if (c === 3) {
      const [r, g, b] = unbind(t, -3) as [Tensor, Tensor, Tensor];
      gray = unsqueeze(to(add(add(mul(r, 0.2989), mul(g, 0.587)), mul(b, 0.114)), t.dtype), -3);
    } else {
      gray = clone(t);
    }
    // torchvision expands to the input's shape: a 1-channel tensor stays 1 channel even when 3 are asked for.
    return numOutputChannels === 3 ? expand(gray, t.shape) : gray;
  }) as T;
}
