import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasets, io } from '@dl/vision';
import { afterAll, describe, expect, it } from 'vitest';
import { SHAPE_CLASSES } from './draw-shape';
import { writeShapesDataset } from './write-shapes-dataset';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'vision-transfer-shapes-')));
  return made[made.length - 1]!;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('writeShapesDataset', () => {
  it("draws PNGs in ImageFolder's layout, the same bytes for the same seed, once", async () => {
    const options = { trainPerClass: 3, valPerClass: 2, size: 24 };
    const a = await writeShapesDataset(tmp(), options);
    expect(a.written).toBe(true);
    expect(readdirSync(a.trainDir)).toEqual([...SHAPE_CLASSES]);
    expect(readdirSync(join(a.valDir, 'stripes'))).toEqual(['stripes_000.png', 'stripes_001.png']);

    const train = await new datasets.ImageFolder(a.trainDir).prepare();
    expect(train.classes).toEqual([...SHAPE_CLASSES]);
    expect(train.targets).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const png = await io.readImage(join(a.trainDir, 'triangle', 'triangle_002.png'));
    expect(png.shape).toEqual([3, 24, 24]);

    const b = await writeShapesDataset(tmp(), options);
    for (const c of SHAPE_CLASSES) {
      const file = `${c}_001.png`;
      expect(readFileSync(join(b.trainDir, c, file)).equals(readFileSync(join(a.trainDir, c, file))), c).toBe(true);
    }
    const other = await writeShapesDataset(tmp(), { ...options, seed: 1 });
    expect(readFileSync(join(other.trainDir, 'circle', 'circle_000.png')).equals(readFileSync(join(a.trainDir, 'circle', 'circle_000.png')))).toBe(false);

    const before = statSync(join(a.trainDir, 'circle', 'circle_000.png')).mtimeMs;
    const again = await writeShapesDataset(join(a.root, '..'), options);
    expect(again.written).toBe(false);
    expect(statSync(join(a.trainDir, 'circle', 'circle_000.png')).mtimeMs).toBe(before);
  });

  it('draws again over an unfinished set (no shapes.json) or other counts', async () => {
    const dir = tmp();
    const a = await writeShapesDataset(dir, { trainPerClass: 2, valPerClass: 1, size: 16 });
    rmSync(join(a.root, 'shapes.json'));
    expect((await writeShapesDataset(dir, { trainPerClass: 2, valPerClass: 1, size: 16 })).written).toBe(true);
    const b = await writeShapesDataset(dir, { trainPerClass: 1, valPerClass: 1, size: 16 });
    expect(b.written).toBe(true);
    expect(readdirSync(join(b.trainDir, 'circle'))).toEqual(['circle_000.png']);
    expect(existsSync(join(b.root, 'shapes.json'))).toBe(true);
  });
});
