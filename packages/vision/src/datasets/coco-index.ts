import { readFile } from 'node:fs/promises';
import { DatasetError } from '@dl/core/node';
import type { CocoAnnotation, CocoCategory, CocoFile, CocoImageInfo } from './coco-types';

/**
 * A COCO annotation file indexed for lookups, as pycocotools' `COCO` class indexes it: images,
 * annotations and categories by id, each image's annotations in file order. {@link CocoDetection}
 * and {@link CocoCaptions} keep one as `coco`.
 *
 * {@link CocoIndex.read} validates the structure (an object with an `images` array of
 * `{ id: number, file_name: string }`, optional `annotations` of `{ id: number, image_id: number }`
 * and `categories` of `{ id: number }`) and throws a `DatasetError` naming the file and the entry.
 *
 * @example
 * ```ts
 * const coco = await CocoIndex.read('/data/coco/annotations/instances_val2017.json');
 * coco.loadAnns(coco.getAnnIds(139)).map((a) => a.category_id); // [64, 72, ...]
 * coco.loadCats([64])[0].name; // 'potted plant'
 * ```
 */
export class CocoIndex {
  /** The parsed file. */
  readonly dataset: CocoFile;
  /** Images by id. */
  readonly imgs = new Map<number, CocoImageInfo>();
  /** Annotations by id. */
  readonly anns = new Map<number, CocoAnnotation>();
  /** Categories by id. */
  readonly cats = new Map<number, CocoCategory>();
  /** Each image's annotations, in file order. */
  readonly imgToAnns = new Map<number, CocoAnnotation[]>();

  /** Indexes a parsed COCO file; `source` names it in errors. */
  constructor(value: unknown, source = '<json>') {
    this.dataset = validate(value, source);
    for (const ann of this.dataset.annotations ?? []) {
      const list = this.imgToAnns.get(ann.image_id);
      if (list) list.push(ann);
      else this.imgToAnns.set(ann.image_id, [ann]);
      this.anns.set(ann.id, ann);
    }
    for (const img of this.dataset.images) this.imgs.set(img.id, img);
    for (const cat of this.dataset.categories ?? []) this.cats.set(cat.id, cat);
  }

  /**
   * Reads and indexes a COCO annotation file; a `DatasetError` names the file when it cannot be
   * read, is not JSON, or is not shaped like a COCO file.
   */
  static async read(annFile: string): Promise<CocoIndex> {
    let text: string;
    try {
      text = await readFile(annFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      const what = code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new DatasetError(`COCO: cannot read the annotation file ${annFile}: ${what} (${code})`, { cause: error });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DatasetError(`COCO: the annotation file ${annFile} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return new CocoIndex(value, annFile);
  }

  /** The image ids, sorted (pycocotools' `sorted(coco.imgs.keys())`). */
  sortedImageIds(): number[] {
    return [...this.imgs.keys()].sort((a, b) => a - b);
  }

  /** The ids of an image's annotations, in file order (pycocotools' `getAnnIds(imgId)`). */
  getAnnIds(imgId: number): number[] {
    return (this.imgToAnns.get(imgId) ?? []).map((ann) => ann.id);
  }

  /** The annotations with these ids (pycocotools' `loadAnns`). */
  loadAnns(ids: readonly number[]): CocoAnnotation[] {
    return ids.map((id) => this.lookUp(this.anns, id, 'annotation'));
  }

  /** The images with these ids (pycocotools' `loadImgs`). */
  loadImgs(ids: readonly number[]): CocoImageInfo[] {
    return ids.map((id) => this.lookUp(this.imgs, id, 'image'));
  }

  /** The categories with these ids (pycocotools' `loadCats`). */
  loadCats(ids: readonly number[]): CocoCategory[] {
    return ids.map((id) => this.lookUp(this.cats, id, 'category'));
  }

  private lookUp<V>(map: Map<number, V>, id: number, what: string): V {
    const value = map.get(id);
    if (value === undefined) throw new DatasetError(`COCO: no ${what} with id ${id}`);
    return value;
  }
}

function validate(value: unknown, source: string): CocoFile {
  const fail = (what: string): never => {
    throw new DatasetError(`COCO: the annotation file ${source} is not a COCO file: ${what}`);
  };
  if (!isObject(value)) fail(`expected a JSON object, got ${describeJson(value)}`);
  const file = value as Record<string, unknown>;
  checkList(file, 'images', true, fail, (entry, at) => {
    if (!isNumber(entry.id)) fail(`${at}.id should be a number, got ${describeJson(entry.id)}`);
    if (typeof entry.file_name !== 'string') fail(`${at}.file_name should be a string, got ${describeJson(entry.file_name)}`);
  });
  checkList(file, 'annotations', false, fail, (entry, at) => {
    if (!isNumber(entry.id)) fail(`${at}.id should be a number, got ${describeJson(entry.id)}`);
    if (!isNumber(entry.image_id)) fail(`${at}.image_id should be a number, got ${describeJson(entry.image_id)}`);
  });
  checkList(file, 'categories', false, fail, (entry, at) => {
    if (!isNumber(entry.id)) fail(`${at}.id should be a number, got ${describeJson(entry.id)}`);
  });
  return file as CocoFile;
}

function checkList(
  file: Record<string, unknown>,
  key: string,
  required: boolean,
  fail: (what: string) => never,
  check: (entry: Record<string, unknown>, at: string) => void,
): void {
  const list = file[key];
  if (list === undefined && !required) return;
  if (!Array.isArray(list)) fail(`"${key}" should be an array, got ${describeJson(list)}`);
  (list as unknown[]).forEach((entry, i) => {
    if (!isObject(entry)) fail(`${key}[${i}] should be an object, got ${describeJson(entry)}`);
    check(entry as Record<string, unknown>, `${key}[${i}]`);
  });
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function describeJson(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
