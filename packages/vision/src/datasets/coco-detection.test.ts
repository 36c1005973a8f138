import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharpEncode } from '../../test/support/sharp-encode';
import { ImageError } from '../errors/image-error';
import { Image } from '../image/image';
import { CocoDetection } from './coco-detection';
import type { CocoFile } from './coco-types';

let root: string;
let images: string;
let annFile: string;

const red = Image.new('RGB', [4, 3], [255, 0, 0]);
const gray = Image.new('L', [2, 2], 77);
const blue = Image.new('RGBA', [3, 3], [0, 0, 255, 128]);

// COCO's instances layout; image ids unsorted in the file, annotations interleaved.
const instances: CocoFile = {
  info: { description: 'test', year: 2017 },
  images: [
    { id: 42, file_name: '000000000042.png', width: 2, height: 2 },
    { id: 7, file_name: '000000000007.png', width: 4, height: 3 },
    { id: 100, file_name: 'sub/000000000100.png', width: 3, height: 3 },
  ],
  annotations: [
    { id: 3, image_id: 7, category_id: 18, bbox: [0, 0, 2, 1], area: 2, iscrowd: 0, segmentation: [[0, 0, 2, 0, 2, 1]] },
    { id: 1, image_id: 42, category_id: 1, bbox: [1, 1, 1, 1], area: 1, iscrowd: 0, segmentation: [[1, 1, 2, 1, 2, 2]] },
    { id: 2, image_id: 7, category_id: 1, bbox: [1, 1, 3, 2], area: 6, iscrowd: 1, segmentation: { counts: [0, 12], size: [3, 4] } },
  ],
  categories: [
    { id: 1, name: 'person', supercategory: 'person' },
    { id: 18, name: 'dog', supercategory: 'animal' },
  ],
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-coco-'));
  images = join(root, 'val2017');
  annFile = join(root, 'annotations', 'instances_val2017.json');
  await mkdir(join(images, 'sub'), { recursive: true });
  await mkdir(join(root, 'annotations'));
  await writeFile(join(images, '000000000007.png'), await sharpEncode(red, 'png'));
  await writeFile(join(images, '000000000042.png'), await sharpEncode(gray, 'png'));
  await writeFile(join(images, 'sub', '000000000100.png'), await sharpEncode(blue, 'png'));
  await writeFile(annFile, JSON.stringify(instances));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('CocoDetection', () => {
  it("serves [RGB image, annotations] in sorted id order (pycocotools' sorted(coco.imgs.keys()))", async () => {
    const coco = await new CocoDetection(images, annFile).prepare();
    expect(coco.ids).toEqual([7, 42, 100]);
    expect(coco.length).toBe(3);
    const [image, target] = await coco.getItem(0);
    expect(String(image)).toBe('<Image mode=RGB size=4x3>');
    expect(image.data).toEqual(red.data);
    expect(target).toEqual([instances.annotations![0], instances.annotations![2]]);
    const [grayRgb, one] = await coco.getItem(1);
    expect(grayRgb.getPixel(1, 1)).toEqual([77, 77, 77]);
    expect(one.map((a) => a.id)).toEqual([1]);
    const [rgba, none] = await coco.getItem(2);
    expect(rgba.getPixel(0, 0)).toEqual([0, 0, 255]);
    expect(none).toEqual([]);
    expect(coco.coco.loadCats([18])[0]!.name).toBe('dog');
    expect(String(coco)).toBe(
      `Dataset CocoDetection\n    Number of datapoints: 3\n    Root Location: ${images}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('applies transforms to the pair, or transform and targetTransform', async () => {
    const both = new CocoDetection(images, annFile, { transforms: (img, anns) => [img.size, anns.length] });
    expect(await both.getItem(0)).toEqual([[4, 3], 2]);
    const each = new CocoDetection(images, annFile, { transform: (img: Image) => img.mode, targetTransform: (anns) => anns.map((a) => a.bbox) });
    expect(await each.getItem(1)).toEqual(['RGB', [[1, 1, 1, 1]]]);
  });

  it('describes itself for worker threads with (root, annFile, options)', () => {
    expect(new CocoDetection(images, annFile).workerSpec()).toMatchObject({ export: 'CocoDetection', args: [images, annFile, {}] });
  });

  it('rejects annotation files that are not JSON, naming the file', async () => {
    await writeFile(annFile, JSON.stringify(instances).slice(0, 50));
    await expect(new CocoDetection(images, annFile).prepare()).rejects.toThrow(
      new DatasetError(`COCO: the annotation file ${annFile} is not valid JSON: ${jsonError(JSON.stringify(instances).slice(0, 50))}`),
    );
  });

  it('rejects JSON that is not shaped like a COCO file, naming the file and the entry', async () => {
    const cases: Array<[unknown, string]> = [
      [[1, 2], 'expected a JSON object, got an array'],
      [{ annotations: [] }, '"images" should be an array, got nothing'],
      [{ images: [{ id: 1 }] }, 'images[0].file_name should be a string, got nothing'],
      [{ images: [{ id: '1', file_name: 'a.png' }] }, 'images[0].id should be a number, got the string "1"'],
      [{ images: [], annotations: {} }, '"annotations" should be an array, got an object'],
      [{ images: [], annotations: [{ id: 1, image_id: 1 }, { id: 2 }] }, 'annotations[1].image_id should be a number, got nothing'],
      [{ images: [], categories: [null] }, 'categories[0] should be an object, got null'],
    ];
    for (const [value, what] of cases) {
      await writeFile(annFile, JSON.stringify(value));
      await expect(new CocoDetection(images, annFile).prepare()).rejects.toThrow(
        new DatasetError(`COCO: the annotation file ${annFile} is not a COCO file: ${what}`),
      );
    }
  });

  it('rejects a missing annotation file or image folder, naming it', async () => {
    const missing = join(root, 'annotations', 'nope.json');
    await expect(new CocoDetection(images, missing).prepare()).rejects.toThrow(
      new DatasetError(`COCO: cannot read the annotation file ${missing}: no such file (ENOENT)`),
    );
    const noImages = join(root, 'train2017');
    await expect(new CocoDetection(noImages, annFile).prepare()).rejects.toThrow(
      new DatasetError(`CocoDetection: the image folder ${noImages} does not exist`),
    );
    expect(() => new CocoDetection(images, '' as string)).toThrow(
      new ArgumentTypeError("CocoDetection: annFile must be the path of a COCO annotation file, got ''"),
    );
  });

  it('rejects a corrupt or missing image with an ImageError naming the file', async () => {
    const coco = await new CocoDetection(images, annFile).prepare();
    const corrupt = join(images, '000000000042.png');
    await writeFile(corrupt, 'GIF89a not really');
    const error = await Promise.resolve(coco.getItem(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toContain(corrupt);
    await rm(join(images, 'sub'), { recursive: true });
    const missing = await Promise.resolve(coco.getItem(2)).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ImageError);
    expect((missing as Error).message).toContain(join(images, 'sub', '000000000100.png'));
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
