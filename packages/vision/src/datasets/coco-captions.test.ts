import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharpEncode } from '../../test/support/sharp-encode';
import { Image } from '../image/image';
import { CocoCaptions } from './coco-captions';

let root: string;
let annFile: string;

// COCO's captions layout: no categories, one annotation per caption.
const captions = {
  info: {},
  licenses: [],
  images: [
    { id: 391895, file_name: 'COCO_val2014_000000391895.jpg', width: 3, height: 2 },
    { id: 9, file_name: 'COCO_val2014_000000000009.jpg', width: 3, height: 2 },
  ],
  annotations: [
    { image_id: 391895, id: 770337, caption: 'A man with a red helmet on a small moped on a dirt road. ' },
    { image_id: 9, id: 1, caption: 'A plate of food.' },
    { image_id: 391895, id: 771687, caption: 'Man riding a motor bike on a dirt road on the countryside.' },
  ],
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-coco-captions-'));
  annFile = join(root, 'captions_val2014.json');
  for (const image of captions.images) {
    await writeFile(join(root, image.file_name), await sharpEncode(Image.new('RGB', [3, 2], [10, 200, 30]), 'jpeg'));
  }
  await writeFile(annFile, JSON.stringify(captions));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('CocoCaptions', () => {
  it('serves [RGB image, captions] in sorted id order, captions in file order', async () => {
    const data = await new CocoCaptions(root, annFile).prepare();
    expect(data.ids).toEqual([9, 391895]);
    const [image, texts] = await data.getItem(1);
    expect(String(image)).toBe('<Image mode=RGB size=3x2>');
    expect(texts).toEqual(['A man with a red helmet on a small moped on a dirt road. ', 'Man riding a motor bike on a dirt road on the countryside.']);
    expect((await data.getItem(0))[1]).toEqual(['A plate of food.']);
    expect(String(data)).toMatch(/^Dataset CocoCaptions\n    Number of datapoints: 2\n/);
  });

  it('rejects an annotation without a caption, naming it and the file', async () => {
    await writeFile(annFile, JSON.stringify({ ...captions, annotations: [{ image_id: 9, id: 5, text: 'no caption field' }] }));
    const data = await new CocoCaptions(root, annFile).prepare();
    await expect(data.getItem(0)).rejects.toThrow(new DatasetError(`CocoCaptions: annotation 5 of image 9 in ${annFile} has no "caption" string`));
  });
});
