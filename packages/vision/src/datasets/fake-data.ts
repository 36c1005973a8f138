import { Generator, type ModuleExport, ValueError } from '@dl/core';
import type { DatasetResource, VisionDatasetOptions } from '@dl/core/node';
import { Image, type ImageMode } from '../image/image';
import { VisionDataset } from './vision-dataset';

/**
 * Options of {@link FakeData}.
 *
 * @example
 * ```ts
 * new FakeData({ size: 100, imageSize: [1, 28, 28], numClasses: 10, randomOffset: 1000 });
 * ```
 */
export interface FakeDataOptions<TX = Image, TY = number> extends Omit<VisionDatasetOptions<Image, number, TX, TY>, 'download' | 'downloadOptions'> {
  /** The number of items. @default 1000 */
  size?: number;
  /** `[channels, height, width]` of each image; channels 1 (`L`), 3 (`RGB`) or 4 (`RGBA`). @default [3, 224, 224] */
  imageSize?: readonly [number, number, number];
  /** Targets are drawn from `0 .. numClasses - 1`. @default 10 */
  numClasses?: number;
  /** Added to the index to seed each item's generator, for a different set of images. @default 0 */
  randomOffset?: number;
}

const MODES: Record<number, ImageMode> = { 1: 'L', 3: 'RGB', 4: 'RGBA' };

/**
 * Random images and targets for trying a pipeline without data (torchvision's `FakeData`). Item
 * `i` is the same every time, and the same as torchvision's: a generator seeded with
 * `i + randomOffset` (PyTorch's Mersenne Twister, as `torch.manual_seed`) draws a normal
 * `[C, H, W]` tensor and a target, and the tensor becomes an image as `ToPILImage` makes it
 * (`x * 255`, truncated to 8 bits). The global generator is not touched. Items are
 * `[image, target]`; nothing is read from disk (there is no `root`).
 *
 * Throws a `ValueError` for a size, image size or class count that is not a positive integer
 * (size may be 0), or 2 channels (PIL's `LA`, which {@link Image} has no mode for).
 *
 * @example
 * ```ts
 * const fake = new FakeData({ size: 8, imageSize: [3, 32, 32], numClasses: 4 });
 * await fake.getItem(0); // [<Image mode=RGB size=32x32>, 2], the same on every call
 * ```
 */
export class FakeData<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  readonly name: string = 'FakeData';
  protected readonly resources: readonly DatasetResource[] = [];
  /** The number of items. */
  readonly size: number;
  /** `[channels, height, width]`. */
  readonly imageSize: readonly [number, number, number];
  /** Targets are in `0 .. numClasses - 1`. */
  readonly numClasses: number;
  /** Added to the index to seed each item. */
  readonly randomOffset: number;

  constructor(options: FakeDataOptions<TX, TY> = {}) {
    super('.', options);
    const size = options.size ?? 1000;
    const imageSize = options.imageSize ?? [3, 224, 224];
    const numClasses = options.numClasses ?? 10;
    const randomOffset = options.randomOffset ?? 0;
    if (!Number.isSafeInteger(size) || size < 0) throw new ValueError(`FakeData: size should be a non-negative integer, got ${String(size)}`);
    if (!Array.isArray(imageSize) || imageSize.length !== 3 || !imageSize.every((d) => Number.isSafeInteger(d) && d > 0)) {
      throw new ValueError(`FakeData: imageSize should be [channels, height, width] of positive integers, got ${JSON.stringify(imageSize)}`);
    }
    if (MODES[imageSize[0]] === undefined) throw new ValueError(`FakeData: imageSize should have 1, 3 or 4 channels (L, RGB, RGBA), got ${imageSize[0]}`);
    if (!Number.isSafeInteger(numClasses) || numClasses < 1) throw new ValueError(`FakeData: numClasses should be a positive integer, got ${String(numClasses)}`);
    if (!Number.isSafeInteger(randomOffset)) throw new ValueError(`FakeData: randomOffset should be an integer, got ${String(randomOffset)}`);
    this.size = size;
    this.imageSize = [...imageSize] as [number, number, number];
    this.numClasses = numClasses;
    this.randomOffset = randomOffset;
  }

  get length(): number {
    return this.size;
  }

  /** Rebuilt in a worker from the options alone (FakeData takes no `root`). */
  override workerSpec(): ModuleExport | undefined {
    const spec = super.workerSpec();
    return spec && { ...spec, args: [this.options] };
  }

  /** torchvision's repr: no root line, since FakeData has none. */
  override toString(): string {
    return super
      .toString()
      .split('\n')
      .filter((line) => !line.startsWith('    Root Location: '))
      .join('\n');
  }

  protected async load(): Promise<void> {}

  protected loadItem(index: number): [Image, number] {
    const [c, h, w] = this.imageSize;
    const generator = new Generator(index + this.randomOffset);
    const values = generator.fillNormal(new Float32Array(c * h * w));
    const target = generator.nextInt(this.numClasses);
    const pixels = new Uint8Array(c * h * w);
    // ToPILImage: x * 255 in float32, then a C cast to uint8 (truncation, modulo 256), CHW to HWC.
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) pixels[p * c + k] = Math.trunc(Math.fround(values[k * h * w + p]! * 255)) & 0xff;
    return [new Image(w, h, MODES[c]!, pixels), target];
  }
}
