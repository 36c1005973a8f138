import { resolve } from 'node:path';
import { ArgumentTypeError, type ModuleExport } from '@dl/core';
import { DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import { CocoIndex } from './coco-index';
import { isDirectory } from './internal/list-folder';
import { openRgb } from './internal/open-rgb';
import { VisionDataset } from './vision-dataset';

/**
 * Options of {@link CocoDetection} and {@link CocoCaptions}.
 *
 * @example
 * ```ts
 * const options: CocoOptions<CocoAnnotation[]> = { transform: new PILToTensor() };
 * ```
 */
export type CocoOptions<Y, TX = Image, TY = Y> = Omit<VisionDatasetOptions<Image, Y, TX, TY>, 'download' | 'downloadOptions'>;

/**
 * The base of {@link CocoDetection} and {@link CocoCaptions}: images in `root`, described by a
 * COCO annotation file `annFile`, served in the order of their sorted ids as `[image, target]`
 * with the image read as RGB; a subclass says what the target is (`loadTarget`). Nothing is
 * downloaded (torchvision's COCO datasets download nothing either).
 *
 * @example
 * ```ts
 * class CocoBoxes extends CocoDataset<number[][]> {
 *   protected loadTarget(id: number) { return this.coco.loadAnns(this.coco.getAnnIds(id)).map((a) => a.bbox ?? []); }
 * }
 * ```
 */
export abstract class CocoDataset<Y, TX = Image, TY = Y> extends VisionDataset<Image, Y, TX, TY> {
  /** Nothing to download. */
  protected readonly resources: readonly DatasetResource[] = [];
  /** The annotation file (absolute). */
  readonly annFile: string;
  private index: CocoIndex | undefined;
  private imageIds: number[] = [];

  constructor(root: string, annFile: string, options: CocoOptions<Y, TX, TY> = {}) {
    super(root, options);
    if (typeof annFile !== 'string' || annFile === '') {
      throw new ArgumentTypeError(`${new.target.name}: annFile must be the path of a COCO annotation file, got ${annFile === '' ? "''" : typeof annFile}`);
    }
    this.annFile = resolve(annFile);
  }

  /** The repr's title: the class's name. */
  get name(): string {
    return this.constructor.name;
  }

  /** The image folder: `root` itself. */
  override get folder(): string {
    return this.root;
  }

  /** The indexed annotation file (pycocotools' `COCO` object, torchvision's `coco`). */
  get coco(): CocoIndex {
    this.ensurePrepared();
    return this.index!;
  }

  /** The image ids, sorted: item `i` is image `ids[i]`. */
  get ids(): number[] {
    this.ensurePrepared();
    return this.imageIds;
  }

  get length(): number {
    this.ensurePrepared();
    return this.imageIds.length;
  }

  /** Rebuilds with `(root, annFile, options)`. */
  override workerSpec(): ModuleExport | undefined {
    const spec = super.workerSpec();
    return spec && { ...spec, args: [this.rootLocation, this.annFile, this.options] };
  }

  /** The image's target, from `this.coco`. */
  protected abstract loadTarget(id: number): Y;

  /** Checked by `load()`, which names what is missing. */
  protected override async checkExists(): Promise<boolean> {
    return true;
  }

  protected async load(): Promise<void> {
    if (!(await isDirectory(this.root))) throw new DatasetError(`${this.name}: the image folder ${this.root} does not exist`);
    this.index = await CocoIndex.read(this.annFile);
    this.imageIds = this.index.sortedImageIds();
  }

  protected async loadItem(i: number): Promise<[Image, Y]> {
    const id = this.imageIds[i]!;
    const path = resolve(this.root, this.index!.imgs.get(id)!.file_name);
    const image = await openRgb(path, path, this.name);
    return [image, this.loadTarget(id)];
  }
}
