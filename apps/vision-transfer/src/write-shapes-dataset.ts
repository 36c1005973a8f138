import { Generator } from '@dl/core';
import { io } from '@dl/vision';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { drawShape, SHAPE_CLASSES } from './draw-shape';

/** Options of {@link writeShapesDataset}; the defaults are the README's run. */
export interface ShapesDatasetOptions {
  /** Training images per class. @default 120 */
  trainPerClass?: number;
  /** Validation images per class. @default 50 */
  valPerClass?: number;
  /** Side of the square images, in pixels. @default 96 */
  size?: number;
  /** Seed of the drawing (independent of the training seed, so every run sees the same images). @default 0 */
  seed?: number;
}

/** Where {@link writeShapesDataset} put the images. */
export interface ShapesDataset {
  /** The data set's folder (holding `train/` and `val/`). */
  root: string;
  /** `root/train`: one folder per class, an `ImageFolder` root. */
  trainDir: string;
  /** `root/val`, the same layout. */
  valDir: string;
  /** Whether the images were drawn now (false: they were already there). */
  written: boolean;
}

const MANIFEST = 'shapes.json';
// Bumped whenever drawShape draws differently, so a cached set from older code is drawn again.
const DRAWING_VERSION = 2;

/**
 * Draws the shapes data set once, as PNG files in `ImageFolder`'s layout:
 * `<cacheDir>/shapes-<size>px/{train,val}/{circle,square,stripes,triangle}/<class>_<n>.png`
 * (see {@link drawShape}). A later call with the same options finds the finished set (its
 * `shapes.json` is written last) and draws nothing; different options get their own folder or
 * redraw an unfinished one.
 *
 * @example
 * ```ts
 * const { trainDir, valDir } = await writeShapesDataset('.data');
 * const train = await new datasets.ImageFolder(trainDir).prepare();
 * ```
 */
export async function writeShapesDataset(cacheDir: string, options: ShapesDatasetOptions = {}): Promise<ShapesDataset> {
  const { trainPerClass = 120, valPerClass = 50, size = 96, seed = 0 } = options;
  const root = join(resolve(cacheDir), `shapes-${size}px`);
  const trainDir = join(root, 'train');
  const valDir = join(root, 'val');
  const manifest = JSON.stringify({ version: DRAWING_VERSION, classes: SHAPE_CLASSES, trainPerClass, valPerClass, size, seed, format: 'png' });
  const manifestPath = join(root, MANIFEST);
  if (existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === manifest) return { root, trainDir, valDir, written: false };

  rmSync(root, { recursive: true, force: true });
  const g = new Generator(seed);
  for (const [dir, perClass] of [[trainDir, trainPerClass], [valDir, valPerClass]] as const) {
    for (const kind of SHAPE_CLASSES) {
      const classDir = join(dir, kind);
      mkdirSync(classDir, { recursive: true });
      for (let i = 0; i < perClass; i++) {
        await io.writePng(drawShape(kind, g, size), join(classDir, `${kind}_${String(i).padStart(3, '0')}.png`));
      }
    }
  }
  writeFileSync(manifestPath, manifest);
  return { root, trainDir, valDir, written: true };
}
