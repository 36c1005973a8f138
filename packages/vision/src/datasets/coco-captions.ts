import { DatasetError } from '@dl/core/node';
import type { Image } from '../image/image';
import { CocoDataset, type CocoOptions } from './coco-dataset';

/**
 * The MS COCO captions dataset (torchvision's `CocoCaptions`): the images of `root` listed in a
 * `captions_*.json` file, in sorted id order; each item is `[image, captions]`, the RGB image and
 * its captions (usually five) in file order.
 *
 * Throws a `DatasetError` naming the file when the annotation file is missing, not JSON, not a
 * COCO file, or an annotation has no `caption` string.
 *
 * @example
 * ```ts
 * const captions = await new CocoCaptions('/data/coco/train2017', '/data/coco/annotations/captions_train2017.json').prepare();
 * const [image, texts] = await captions.getItem(3);
 * texts[0]; // 'A plane emitting smoke stream flying over a mountain.'
 * ```
 */
export class CocoCaptions<TX = Image, TY = string[]> extends CocoDataset<string[], TX, TY> {
  constructor(root: string, annFile: string, options: CocoOptions<string[], TX, TY> = {}) {
    super(root, annFile, options);
  }

  /** The image's captions, in file order. */
  protected loadTarget(id: number): string[] {
    return this.coco.loadAnns(this.coco.getAnnIds(id)).map((ann) => {
      if (typeof ann.caption !== 'string') {
        throw new DatasetError(`${this.name}: annotation ${ann.id} of image ${id} in ${this.annFile} has no "caption" string`);
      }
      return ann.caption;
    });
  }
}
