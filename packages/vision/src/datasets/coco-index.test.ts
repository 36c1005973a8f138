import { describe, expect, it } from 'vitest';
import { DatasetError } from '@dl/core/node';
import { CocoIndex } from './coco-index';

describe('CocoIndex', () => {
  const file = {
    images: [
      { id: 3, file_name: 'c.jpg' },
      { id: 1, file_name: 'a.jpg' },
      { id: 3, file_name: 'c2.jpg' },
    ],
    annotations: [
      { id: 10, image_id: 3, category_id: 2 },
      { id: 11, image_id: 1, category_id: 2 },
      { id: 12, image_id: 3, category_id: 1 },
    ],
    categories: [
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ],
  };

  it('indexes as pycocotools: later duplicate image ids win, annotations per image in file order', () => {
    const coco = new CocoIndex(file, 'test.json');
    expect(coco.sortedImageIds()).toEqual([1, 3]);
    expect(coco.loadImgs([3])[0]!.file_name).toBe('c2.jpg');
    expect(coco.getAnnIds(3)).toEqual([10, 12]);
    expect(coco.getAnnIds(99)).toEqual([]);
    expect(coco.loadAnns([12, 11]).map((a) => a.image_id)).toEqual([3, 1]);
    expect(coco.loadCats([2])[0]!.name).toBe('b');
  });

  it('accepts a file without annotations or categories (image_info files)', () => {
    const coco = new CocoIndex({ images: [{ id: 5, file_name: 'x.jpg' }] });
    expect(coco.getAnnIds(5)).toEqual([]);
    expect(coco.cats.size).toBe(0);
  });

  it('names unknown ids', () => {
    expect(() => new CocoIndex(file).loadCats([7])).toThrow(new DatasetError('COCO: no category with id 7'));
  });
});
