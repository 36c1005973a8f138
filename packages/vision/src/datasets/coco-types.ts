/**
 * One entry of a COCO file's `images` (the fields COCO defines; others are kept as they are).
 *
 * @example
 * ```ts
 * const info: CocoImageInfo = { id: 139, file_name: '000000000139.jpg', width: 640, height: 426 };
 * ```
 */
export interface CocoImageInfo {
  /** The image's id. */
  id: number;
  /** The file name, relative to the image folder. */
  file_name: string;
  width?: number;
  height?: number;
  [field: string]: unknown;
}

/**
 * One entry of a COCO file's `annotations`: an object instance (`bbox` as `[x, y, width, height]`,
 * `segmentation` as polygons or RLE, `category_id`, `iscrowd`, `area`), keypoints, or a caption.
 *
 * @example
 * ```ts
 * const box: CocoAnnotation = { id: 1, image_id: 139, category_id: 64, bbox: [236.98, 142.51, 24.7, 69.5], area: 1035.7, iscrowd: 0 };
 * const caption: CocoAnnotation = { id: 2, image_id: 139, caption: 'A woman stands in the dining area.' };
 * ```
 */
export interface CocoAnnotation {
  /** The annotation's id. */
  id: number;
  /** The id of the image it belongs to. */
  image_id: number;
  category_id?: number;
  bbox?: number[];
  area?: number;
  iscrowd?: number;
  segmentation?: number[][] | { counts: number[] | string; size: [number, number] };
  keypoints?: number[];
  num_keypoints?: number;
  caption?: string;
  [field: string]: unknown;
}

/**
 * One entry of a COCO file's `categories`.
 *
 * @example
 * ```ts
 * const cat: CocoCategory = { id: 64, name: 'potted plant', supercategory: 'furniture' };
 * ```
 */
export interface CocoCategory {
  /** The category's id. */
  id: number;
  name?: string;
  supercategory?: string;
  [field: string]: unknown;
}

/**
 * The content of a COCO annotation file (`instances_*.json`, `captions_*.json`,
 * `person_keypoints_*.json`, `image_info_*.json`).
 *
 * @example
 * ```ts
 * const file: CocoFile = {
 *   images: [{ id: 9, file_name: '000000000009.jpg', width: 640, height: 480 }],
 *   annotations: [{ id: 1, image_id: 9, category_id: 51, bbox: [1, 2, 3, 4], area: 12, iscrowd: 0 }],
 *   categories: [{ id: 51, name: 'bowl', supercategory: 'kitchen' }],
 * };
 * ```
 */
export interface CocoFile {
  images: CocoImageInfo[];
  annotations?: CocoAnnotation[];
  categories?: CocoCategory[];
  [field: string]: unknown;
}
