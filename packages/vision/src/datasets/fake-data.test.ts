import { manualSeed, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { datasetJson, itemRecords, type ItemRecord } from '../../test/support/dataset-fixtures';
import { FakeData, type FakeDataOptions } from './fake-data';

/** torchvision 0.14's FakeData items for three settings (gen_datasets.py). */
const EXPECTED = datasetJson<Record<string, { kwargs: Record<string, number | number[]>; repr: string; items: ItemRecord[] }>>('fakedata/expected_fakedata.json');

function optionsOf(kwargs: Record<string, number | number[]>): FakeDataOptions {
  return { size: kwargs.size as number, imageSize: kwargs.image_size as [number, number, number], numClasses: kwargs.num_classes as number, randomOffset: kwargs.random_offset as number | undefined };
}

describe('FakeData', () => {
  for (const [key, { kwargs, items }] of Object.entries(EXPECTED)) {
    it(`draws torchvision's images and targets (${key})`, async () => {
      const fake = await new FakeData(optionsOf(kwargs)).prepare();
      expect(fake.length).toBe(kwargs.size);
      expect(await itemRecords(fake)).toEqual(items);
    });
  }

  it('gives the same item on every call and leaves the global generator alone', async () => {
    const fake = new FakeData({ size: 3, imageSize: [3, 4, 4] });
    manualSeed(0);
    const first = await fake.getItem(1);
    const next = rand([1]).tolist();
    manualSeed(0);
    expect(rand([1]).tolist()).toEqual(next);
    expect(await fake.getItem(1)).toEqual(first);
    expect(await fake.getItem(-2)).toEqual(first);
  });

  it('has defaults of 1000 RGB 224x224 images and 10 classes, and torchvision-style repr', async () => {
    const fake = await new FakeData().prepare();
    expect([fake.length, fake.imageSize, fake.numClasses, fake.randomOffset]).toEqual([1000, [3, 224, 224], 10, 0]);
    const [img, target] = await fake.getItem(999);
    expect(String(img)).toBe('<Image mode=RGB size=224x224>');
    expect(Number.isInteger(target) && target >= 0 && target < 10).toBe(true);
    expect(String(fake)).toBe('Dataset FakeData\n    Number of datapoints: 1000\n    Transforms (if any): None\n    Target Transforms (if any): None');
  });

  it('applies the transforms and rebuilds itself in a worker from its options', async () => {
    const options = { size: 2, imageSize: [1, 2, 2] as const, transform: (img: { size: [number, number] }) => img.size, targetTransform: (t: number) => -t };
    const fake = new FakeData(options as FakeDataOptions<unknown, unknown>);
    const [size, target] = await fake.getItem(0);
    expect(size).toEqual([2, 2]);
    expect(target).toBeLessThanOrEqual(0);
    const spec = new FakeData({ size: 5 }).workerSpec();
    expect([spec?.export, spec?.args]).toEqual(['FakeData', [{ size: 5 }]]);
  });

  it('throws ValueErrors for bad sizes, channels and class counts', () => {
    expect(() => new FakeData({ size: -1 })).toThrow(new ValueError('FakeData: size should be a non-negative integer, got -1'));
    expect(() => new FakeData({ imageSize: [3, 0, 4] })).toThrow(new ValueError('FakeData: imageSize should be [channels, height, width] of positive integers, got [3,0,4]'));
    expect(() => new FakeData({ imageSize: [2, 4, 4] })).toThrow(new ValueError('FakeData: imageSize should have 1, 3 or 4 channels (L, RGB, RGBA), got 2'));
    expect(() => new FakeData({ numClasses: 0 })).toThrow(new ValueError('FakeData: numClasses should be a positive integer, got 0'));
    expect(() => new FakeData({ randomOffset: 0.5 })).toThrow(new ValueError('FakeData: randomOffset should be an integer, got 0.5'));
  });
});
