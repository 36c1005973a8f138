import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findClasses } from './find-classes';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-find-classes-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findClasses', () => {
  it('lists the sub-folders sorted, with symlinks to folders and without files or broken links', async () => {
    for (const name of ['dog', 'cat', 'Zebra']) await mkdir(join(root, name));
    await mkdir(join(root, '..', `${root.split('/').pop()}-elsewhere`), { recursive: true });
    await symlink(join(root, '..', `${root.split('/').pop()}-elsewhere`), join(root, 'bird'));
    await symlink(join(root, 'nowhere'), join(root, 'broken'));
    await writeFile(join(root, 'notes.txt'), 'not a class');
    const found = await findClasses(root);
    expect(found.classes).toEqual(['Zebra', 'bird', 'cat', 'dog']);
    expect(found.classToIdx).toEqual({ Zebra: 0, bird: 1, cat: 2, dog: 3 });
    await rm(join(root, '..', `${root.split('/').pop()}-elsewhere`), { recursive: true });
  });

  it('sorts by code point as Python does (astral characters after U+FFxx)', async () => {
    for (const name of ['\u{1F600}', '\uFF21', 'a', 'B']) await mkdir(join(root, name));
    // Python: sorted(['\U0001F600', '\uFF21', 'a', 'B']) == ['B', 'a', '\uff21', '\U0001f600']
    expect((await findClasses(root)).classes).toEqual(['B', 'a', '\uFF21', '\u{1F600}']);
  });

  it("throws torchvision's message when there is no class folder", async () => {
    await writeFile(join(root, 'a.png'), '');
    await expect(findClasses(root)).rejects.toThrow(new DatasetError(`Couldn't find any class folder in ${root}.`));
    await expect(findClasses(root)).rejects.toBeInstanceOf(DatasetError);
  });

  it('names the folder when it does not exist or is a file', async () => {
    const missing = join(root, 'missing');
    await expect(findClasses(missing)).rejects.toThrow(
      new DatasetError(`findClasses: cannot list the class folders of ${missing}: no such folder (ENOENT)`),
    );
    await writeFile(join(root, 'file'), '');
    await expect(findClasses(join(root, 'file'))).rejects.toThrow(
      new DatasetError(`findClasses: cannot list the class folders of ${join(root, 'file')}: not a folder (ENOTDIR)`),
    );
  });
});
