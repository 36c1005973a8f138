import type { Image } from '../image/image';
import { CocoDataset, type CocoOptions } from './coco-dataset';
import type { CocoAnnotation } from './coco-types';

/**
 * The MS COCO detection dataset (torchvision's `CocoDetection`): the images of `root` listed in
 * the annotation file `annFile` (`instances_*.json`, `person_keypoints_*.json`), in sorted id
 * order; each item is `[image, annotations]`, the RGB image and its annotations in file order
 * (`bbox`, `category_id`, `segmentation`, `iscrowd`, ...). `transforms` takes both.
 *
 * Throws a `DatasetError` naming the file when the annotation file is missing, is not JSON or
 * is not a COCO file; reading a corrupt image rejects with an `ImageError` naming it.
 *
 * @example
 * ```ts
 * const coco = await new CocoDetection('/data/coco/val2017', '/data/coco/annotations/instances_val2017.json').prepare();
 * coco.length; // 5000
 * const [image, annotations] = await coco.getItem(0);
 * annotations[0].bbox; // [x, y, width, height]
 * ```
 */
export class CocoDetection<TX = Image, TY = CocoAnnotation[]> extends CocoDataset<CocoAnnotation[], TX, TY> {
  constructor(root: string, annFile: string, options: CocoOptions<CocoAnnotation[], TX, TY> = {}) {
    super(root, annFile, options);
  }

  /** The image's annotations, in file order (pycocotools' `loadAnns(getAnnIds(id))`). */
  protected loadTarget(id: number): CocoAnnotation[] {
    return this.coco.loadAnns(this.coco.getAnnIds(id));
  }
}
