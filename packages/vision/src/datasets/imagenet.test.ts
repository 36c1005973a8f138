import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { buildTar, type ArchiveEntrySpec } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetFixture, datasetJson, itemRecords, type ItemRecord } from '../../test/support/dataset-fixtures';
import { folderEntries } from '../../test/support/fixture-archive';
import { md5 } from '../../test/support/local-resources';
import { matBytes } from '../../test/support/mat-bytes';
import type { Image } from '../image/image';
import { ImageNet } from './imagenet';
import { IMAGENET_ARCHIVES, type ImageNetArchives } from './imagenet-archives';

interface Expected {
  length: number;
  classes: string[][];
  wnids: string[];
  wnid_to_idx: Record<string, number>;
  class_to_idx: Record<string, number>;
  imgs: [string, number][];
  items: ItemRecord[];
}
/** What torchvision 0.14's ImageNet makes of the same archives (gen_datasets.py). */
const EXPECTED = datasetJson<{ train: Expected; val: Expected; meta: { wnid_to_classes: Record<string, string[]>; val_wnids: string[] } }>('imagenet/expected_imagenet.json');

/** The three archives in the real layouts, built from the fixture files. */
function archives(devkitEntries = folderEntries('imagenet/ILSVRC2012_devkit_t12')): Record<'devkit' | 'train' | 'val', Uint8Array> {
  const wnids = ['n01440764', 'n01443537', 'n01484850'];
  const train = buildTar(
    wnids.map((wnid) => ({
      name: `${wnid}.tar`,
      data: buildTar([1, 2].map((k) => ({ name: `${wnid}_${k}.png`, data: datasetFixture(`imagenet/train/${wnid}/${wnid}_${k}.png`) }))),
    })),
  );
  const val = buildTar([1, 2, 3, 4, 5].map((k) => ({ name: `ILSVRC2012_val_0000000${k}.png`, data: datasetFixture(`imagenet/val/ILSVRC2012_val_0000000${k}.png`) })));
  return { devkit: buildTar(devkitEntries, { gzip: true }), train, val };
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-imagenet-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Places the archives in root and returns an ImageNet subclass that expects their MD5s. */
async function placed(files = archives(), which: readonly ('devkit' | 'train' | 'val')[] = ['devkit', 'train', 'val']) {
  for (const key of which) await writeFile(join(root, IMAGENET_ARCHIVES[key][0]), files[key]);
  const sums = Object.fromEntries((['devkit', 'train', 'val'] as const).map((k) => [k, [IMAGENET_ARCHIVES[k][0], md5(files[k])] as const])) as unknown as ImageNetArchives;
  return class LocalImageNet extends ImageNet {
    static override readonly archives = sums;
  };
}

describe('ImageNet', () => {
  it("keeps torchvision's archive names and MD5s", () => {
    expect(ImageNet.archives).toEqual({
      train: ['ILSVRC2012_img_train.tar', '1d675b47d978889d74fa0da5fadfb00e'],
      val: ['ILSVRC2012_img_val.tar', '29b22e2961454d5413ddabcf34fc5622'],
      devkit: ['ILSVRC2012_devkit_t12.tar.gz', 'fa75699e90414af021442c21a62c3abf'],
    });
  });

  for (const split of ['train', 'val'] as const) {
    it(`parses the devkit, extracts the ${split} archive into class folders and serves what torchvision does`, async () => {
      const Local = await placed();
      const ds = await new Local(root, { split }).prepare();
      const want = EXPECTED[split];
      expect(ds.length).toBe(want.length);
      expect(ds.wnids).toEqual(want.wnids);
      expect(ds.wnidToIdx).toEqual(want.wnid_to_idx);
      expect(ds.classes).toEqual(want.classes);
      expect(ds.classToIdx).toEqual(want.class_to_idx);
      expect(ds.imgs.map(([p, t]) => [relative(root, p), t])).toEqual(want.imgs);
      expect(ds.targets).toEqual(want.imgs.map(([, t]) => t));
      expect(await itemRecords(ds)).toEqual(want.items);
      expect(String(ds)).toBe(
        `Dataset ImageNet\n    Number of datapoints: ${want.length}\n    Split: ${split}\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
      );
    });
  }

  it('writes meta.json with the leaf synsets and the validation labels, and reuses it and the folders', async () => {
    const Local = await placed();
    await new Local(root, { split: 'val' }).prepare();
    const meta = JSON.parse(await readFile(join(root, 'meta.json'), 'utf8'));
    expect(meta).toEqual({ wnidToClasses: EXPECTED.meta.wnid_to_classes, valWnids: EXPECTED.meta.val_wnids });
    expect((await readdir(root)).sort()).toEqual(['ILSVRC2012_devkit_t12.tar.gz', 'ILSVRC2012_img_train.tar', 'ILSVRC2012_img_val.tar', 'meta.json', 'val']);
    // Without the archives, the parsed files are enough.
    for (const key of ['devkit', 'val'] as const) await rm(join(root, IMAGENET_ARCHIVES[key][0]));
    const again = await new Local(root, { split: 'val', transform: (img: Image) => img.size, targetTransform: (t: number) => ImageNet.name + t } as never).prepare();
    expect(await again.getItem(0)).toEqual([[2, 3], 'ImageNet0']);
  });

  it('names the missing archive and its MD5, and says it cannot be downloaded', async () => {
    await expect(new ImageNet(root, { split: 'val' }).prepare()).rejects.toThrow(
      new DatasetError(
        `ImageNet: the archive ILSVRC2012_devkit_t12.tar.gz is not present (expected MD5 fa75699e90414af021442c21a62c3abf) in ${root}. ImageNet cannot be downloaded automatically: download ILSVRC2012_devkit_t12.tar.gz from https://image-net.org/ and place it in ${root}.`,
      ),
    );
    const Local = await placed(archives(), ['devkit']);
    await expect(new Local(root, { split: 'train' }).prepare()).rejects.toThrow(
      new DatasetError(
        `ImageNet: the archive ILSVRC2012_img_train.tar is not present (expected MD5 ${Local.archives.train[1]}) in ${root}. ImageNet cannot be downloaded automatically: download ILSVRC2012_img_train.tar from https://image-net.org/ and place it in ${root}.`,
      ),
    );
    await expect(access(join(root, 'train'))).rejects.toThrow();
  });

  it('refuses a corrupt archive by its MD5', async () => {
    const Local = await placed();
    await writeFile(join(root, 'ILSVRC2012_img_val.tar'), 'not the archive');
    await expect(new Local(root, { split: 'val' }).prepare()).rejects.toThrow(
      new DatasetError(
        `ImageNet: the archive ILSVRC2012_img_val.tar is corrupted (its MD5 is not ${Local.archives.val[1]}) in ${root}. ImageNet cannot be downloaded automatically: download ILSVRC2012_img_val.tar from https://image-net.org/ and place it in ${root}.`,
      ),
    );
    await expect(access(join(root, 'val'))).rejects.toThrow();
  });

  it('throws a DatasetError when meta.mat is not a struct array of synsets or the ground truth does not match', async () => {
    const bad: ArchiveEntrySpec[] = [
      { name: 'ILSVRC2012_devkit_t12/data/meta.mat', data: matBytes({ synsets: { kind: 'char', dims: [1, 1], text: 'x' } }) },
      { name: 'ILSVRC2012_devkit_t12/data/ILSVRC2012_validation_ground_truth.txt', data: '1\n' },
    ];
    const Local = await placed(archives(bad));
    await expect(new Local(root, { split: 'val' }).prepare()).rejects.toThrow(
      new DatasetError('ImageNet: ILSVRC2012_devkit_t12.tar.gz: meta.mat: synsets: expected a struct array, got a 1x1 char array'),
    );
    const wrongTruth = folderEntries('imagenet/ILSVRC2012_devkit_t12').map((e) => (e.name.endsWith('.txt') ? { ...e, data: '1\n4\n' } : e));
    const Wrong = await placed(archives(wrongTruth));
    await expect(new Wrong(root, { split: 'val' }).prepare()).rejects.toThrow(
      new DatasetError('ImageNet: ILSVRC2012_devkit_t12.tar.gz: line 2 of the validation ground truth is "4", not the ILSVRC2012_ID of a leaf synset'),
    );
  });

  it('throws a DatasetError when the validation archive and the ground truth disagree, leaving no val folder', async () => {
    const files = archives();
    files.val = buildTar([{ name: 'ILSVRC2012_val_00000001.png', data: datasetFixture('imagenet/val/ILSVRC2012_val_00000001.png') }]);
    const Local = await placed(files);
    await expect(new Local(root, { split: 'val' }).prepare()).rejects.toThrow(
      new DatasetError(`ImageNet: ${join(root, 'ILSVRC2012_img_val.tar')} holds 1 images but the validation ground truth lists 5`),
    );
    expect((await readdir(root)).filter((f) => !f.endsWith('.tar') && !f.endsWith('.gz'))).toEqual(['meta.json']);
  });

  it('refuses download: true and an unknown split', () => {
    expect(() => new ImageNet(root, { download: true } as never)).toThrow(ValueError);
    expect(() => new ImageNet(root, { split: 'test' as never })).toThrow(new ValueError('ImageNet: unknown split "test" (expected one of train, val)'));
  });
});
