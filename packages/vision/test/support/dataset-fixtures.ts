import { readFileSync } from 'node:fs';
import { Tensor } from '@dl/core';
import { Image } from '../../src/image/image';
import { md5 } from './local-resources';

/** The folder of the dataset fixtures (test/fixtures/datasets/<name>/...). */
export const DATASET_FIXTURES = new URL('../fixtures/datasets/', import.meta.url);

/** A fixture file's bytes. */
export function datasetFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, DATASET_FIXTURES)));
}

/** A fixture JSON file, parsed. */
export function datasetJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, DATASET_FIXTURES), 'utf8')) as T;
}

/** An item as gen_datasets.py records torchvision's: the image's mode, size, MD5 of its HWC pixels and first values, and the label. */
export interface ItemRecord {
  mode: string;
  size: [number, number];
  label: number | number[] | null;
  md5: string;
  first: number[];
}

/** The same record for one of our items. */
export function itemRecord(item: readonly [unknown, unknown]): ItemRecord {
  const [img, label] = item;
  if (!(img instanceof Image)) throw new Error(`expected an Image, got ${String(img)}`);
  return {
    mode: img.mode,
    size: img.size,
    label: label instanceof Tensor ? (label.tolist() as number[]) : (label as number | null),
    md5: md5(img.data),
    first: Array.from(img.data.subarray(0, 6)),
  };
}

/** All items of a dataset as records. */
export async function itemRecords(ds: { length: number; getItem(i: number): unknown }): Promise<ItemRecord[]> {
  const out: ItemRecord[] = [];
  for (let i = 0; i < ds.length; i++) out.push(itemRecord((await ds.getItem(i)) as [unknown, unknown]));
  return out;
}
