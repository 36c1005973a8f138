import { tensor, type Tensor } from '@dl/core';
import { utils } from '@dl/vision';
import type { Misclassified } from './misclassified';

/** Options of {@link saveMisclassifiedGrid}. */
export interface MisclassifiedGridOptions {
  /** The most digits drawn (the first ones). @default 64 */
  max?: number;
  /** Digits per row. @default 8 */
  nrow?: number;
}

/**
 * Saves the first `max` misclassified digits as one PNG grid with @dl/vision's `utils.saveImage`
 * (torchvision's `save_image`: 2-pixel gray padding, gray digits repeated to RGB). `images` is
 * the evaluation data's int32 `[N, 28, 28]` pixels (an MNIST dataset's `data`). Returns how many
 * digits were drawn; nothing is written when there are none.
 *
 * @example
 * ```ts
 * await saveMisclassifiedGrid(testSet.data, wrong.items, 'out/misclassified.png');
 * ```
 */
export async function saveMisclassifiedGrid(images: Tensor, items: readonly Misclassified[], path: string, options: MisclassifiedGridOptions = {}): Promise<number> {
  const { max = 64, nrow = 8 } = options;
  const shown = items.slice(0, max);
  if (shown.length === 0) return 0;
  const [, h, w] = images.shape as [number, number, number];
  const picked = images.indexSelect(0, tensor(shown.map((m) => m.index), { dtype: 'int32' }));
  const batch = picked.reshape([shown.length, 1, h, w]);
  // int32 pixels are saved as 0..255 values; padValue 128 is a mid gray between the digits.
  await utils.saveImage(batch, path, { nrow, padding: 2, padValue: 128 });
  picked.dispose();
  batch.dispose();
  return shown.length;
}
