import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataLoader } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bmpBytes } from '../../test/support/bmp-bytes';
import { sharpEncode } from '../../test/support/sharp-encode';
import { ImageError } from '../errors/image-error';
import { Image } from '../image/image';
import { ImageFolder } from './image-folder';
import { PILToTensor } from '../transforms/pil-to-tensor';
import { IMG_EXTENSIONS } from './img-extensions';

let root: string;

/** A deterministic test image: channel c of pixel (x, y) is (x * 40 + y * 7 + c * 60 + seed) & 255. */
function pattern(mode: 'L' | 'RGB' | 'RGBA', width: number, height: number, seed: number): Image {
  const img = new Image(width, height, mode);
  const c = img.channels;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) for (let k = 0; k < c; k++) img.data[(y * width + x) * c + k] = (x * 40 + y * 7 + k * 60 + seed) & 255;
  }
  return img;
}

async function put(path: string, bytes: Uint8Array | string): Promise<string> {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, bytes);
  return full;
}

const cat0 = pattern('RGB', 5, 4, 1);
const cat1 = pattern('L', 3, 2, 9);
const dog0 = pattern('RGBA', 4, 4, 3);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-image-folder-'));
  await put('cat/0.png', await sharpEncode(cat0, 'png'));
  await put('cat/nested/1.BMP', bmpBytes(cat1));
  await put('cat/readme.txt', 'not an image');
  await put('dog/0.png', await sharpEncode(dog0, 'png'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ImageFolder', () => {
  it('serves [RGB image, class index] for the image files, as torchvision (pil_loader converts to RGB)', async () => {
    const images = new ImageFolder(root);
    const [first, label] = await images.getItem(0);
    expect(String(first)).toBe('<Image mode=RGB size=5x4>');
    expect(label).toBe(0);
    expect(first.data).toEqual(cat0.data);
    expect(images.classes).toEqual(['cat', 'dog']);
    expect(images.classToIdx).toEqual({ cat: 0, dog: 1 });
    expect(images.imgs).toEqual([
      [join(root, 'cat/0.png'), 0],
      [join(root, 'cat/nested/1.BMP'), 0],
      [join(root, 'dog/0.png'), 1],
    ]);
    expect(images.imgs).toBe(images.samples);
    expect(images.targets).toEqual([0, 0, 1]);
    expect(images.extensions).toEqual(IMG_EXTENSIONS);

    const [gray] = await images.getItem(1);
    expect(gray.mode).toBe('RGB');
    expect(gray.data).toEqual(cat1.convert('RGB').data);
    const [rgba, dog] = await images.getItem(2);
    expect(rgba.data).toEqual(dog0.convert('RGB').data);
    expect(dog).toBe(1);
  });

  it("prints torchvision's repr with the transforms", async () => {
    const named = new ImageFolder(root, { transform: function flip(x: Image) { return x; } });
    await named.prepare();
    expect(String(named)).toBe(
      `Dataset ImageFolder\n    Number of datapoints: 3\n    Root Location: ${root}\n    Transforms (if any): flip()\n    Target Transforms (if any): None`,
    );
  });

  it('uses isValidFile instead of the extensions, and a custom loader', async () => {
    const images = await new ImageFolder(root, {
      isValidFile: (path) => path.endsWith('.png'),
      loader: async (path) => Image.new('L', [1, 1], path.includes('dog') ? 200 : 100),
    }).prepare();
    expect(images.extensions).toBeUndefined();
    expect(images.length).toBe(2);
    const [img, label] = await images.getItem(1);
    expect([img.getPixel(0, 0), label]).toEqual([200, 1]);
  });

  it('applies transform and targetTransform', async () => {
    const images = new ImageFolder(root, { transform: (img: Image) => img.size, targetTransform: (y: number) => `class ${y}` });
    expect(await images.getItem(-1)).toEqual([[4, 4], 'class 1']);
  });

  it('rejects a corrupt image with an ImageError naming the file', async () => {
    const bad = await put('dog/1.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3));
    const images = await new ImageFolder(root).prepare();
    const error = await Promise.resolve(images.getItem(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toContain(bad);
  });

  it('rejects an image that vanished after the scan, naming it', async () => {
    const images = await new ImageFolder(root).prepare();
    await rm(join(root, 'dog/0.png'));
    const error = await Promise.resolve(images.getItem(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toContain(join(root, 'dog/0.png'));
  });

  it('rejects an empty class folder and a class folder with no image', async () => {
    await mkdir(join(root, 'empty'));
    await expect(new ImageFolder(root).prepare()).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes empty in ${root}. Supported extensions are: ${IMG_EXTENSIONS.join(', ')}`),
    );
    await rm(join(root, 'empty'), { recursive: true });
    await put('notes/a.txt', 'text');
    await put('notes/b.gif.bak', 'text');
    await expect(new ImageFolder(root).prepare()).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes notes in ${root}. Supported extensions are: ${IMG_EXTENSIONS.join(', ')}`),
    );
  });

  it('rejects a root with no class folder', async () => {
    const flat = join(root, 'dog');
    await expect(new ImageFolder(flat).getItem(0)).rejects.toThrow(new DatasetError(`Couldn't find any class folder in ${flat}.`));
  });

  it('describes itself for worker threads without the default loader', () => {
    const images = new ImageFolder(root, { allowEmpty: true });
    const spec = images.workerSpec()!;
    expect(spec.export).toBe('ImageFolder');
    expect(String(spec.module)).toMatch(/\/src\/index\.ts$/);
    expect(spec.args).toEqual([root, { allowEmpty: true }]);
  });

  it('decodes in 2 DataLoader workers, each rebuilding it (and its transform) from workerSpec', async () => {
    const expected: number[][] = [];
    for (const [c, name] of ['a', 'b'].entries()) {
      for (let i = 0; i < 4; i++) {
        const img = pattern('RGB', 6, 5, c * 10 + i);
        await put(`workers/${name}/${i}.png`, await sharpEncode(img, 'png'));
        expected.push([c, img.data[0]!, img.data[img.data.length - 1]!]);
      }
    }
    const images = await new ImageFolder(join(root, 'workers'), { transform: new PILToTensor() }).prepare();
    const seen: number[][] = [];
    for await (const [x, y] of new DataLoader(images, { batchSize: 3, numWorkers: 2 })) {
      expect(x.shape.slice(1)).toEqual([3, 5, 6]);
      const labels = y.tolist() as number[];
      const pixels = x.reshape([x.shape[0]!, -1]).tolist() as number[][];
      labels.forEach((label, i) => seen.push([label, pixels[i]![0]!, pixels[i]![3 * 5 * 6 - 1]!]));
    }
    expect(seen).toEqual(expected);
  });
});
