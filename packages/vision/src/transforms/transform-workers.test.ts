import { DataLoader, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import type { Image } from '../image/image';
import { seeded } from '../../test/support/transform-fixtures';
import { scaleBy, TinyImageDataset } from '../../test/support/transform-worker-fixtures';
import { Compose } from './compose';
import { hflip } from './functional/hflip';
import { Lambda } from './lambda';
import { RandomHorizontalFlip } from './random-horizontal-flip';
import { ToTensor } from './to-tensor';

const fixtures = new URL('../../test/support/transform-worker-fixtures.ts', import.meta.url);

async function collect(loader: DataLoader<[Tensor, number]>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const [x, y] of loader as AsyncIterable<[Tensor, Tensor]>) out.push([...x.shape, ...x.dataSync(), ...y.dataSync()]);
  return out;
}

describe('transforms in DataLoader worker threads', () => {
  it('rebuilds Compose([RandomHorizontalFlip(), ToTensor()]) from its workerSpec in a worker, repeatably under a seed', async () => {
    const transform = new Compose<Image, Tensor>([new RandomHorizontalFlip(), new ToTensor()]);
    const dataset = new TinyImageDataset(8, transform);
    const load = () => collect(new DataLoader(dataset, { batchSize: 2, numWorkers: 1 }));
    const a = await seeded(11, load);
    const b = await seeded(11, load);
    const c = await seeded(12, load);
    expect(a).toHaveLength(4);
    expect(a[0]!.slice(0, 4)).toEqual([2, 3, 2, 4]);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    // Each item is its image, flipped or not.
    const plain = new TinyImageDataset<Image>(8);
    const toTensor = new ToTensor();
    const item = (batch: number[], k: number) => batch.slice(4 + k * 24, 4 + (k + 1) * 24);
    let flips = 0;
    for (let i = 0; i < 8; i++) {
      const img = plain.getItem(i)[0];
      const got = item(a[Math.floor(i / 2)]!, i % 2);
      const asIs = [...toTensor(img).dataSync()];
      const flipped = [...toTensor(hflip(img)).dataSync()];
      expect([asIs, flipped]).toContainEqual(got);
      if (got.join() === flipped.join() && asIs.join() !== flipped.join()) flips++;
    }
    expect(flips).toBeGreaterThan(0);
    expect(flips).toBeLessThan(8);
  });

  it('rebuilds a Lambda whose function has a workerSpec (as functionFromModule gives)', async () => {
    const spec = { module: fixtures, export: 'scaleBy', args: [255] };
    const scale = Object.assign((t: Tensor) => scaleBy(t, 255), { workerSpec: () => spec });
    const dataset = new TinyImageDataset(2, new Compose<Image, Tensor>([new ToTensor(), new Lambda(scale)]));
    const [batch] = await collect(new DataLoader(dataset, { batchSize: 2, numWorkers: 1 }));
    expect(batch!.slice(0, 4)).toEqual([2, 3, 2, 4]);
    const img = new TinyImageDataset<Image>(2).getItem(0)[0];
    expect(batch!.slice(4, 28).map((v) => Math.round(v))).toEqual([...new ToTensor()(img).dataSync()].map((v) => Math.round(v * 255)));
  });

  it('refuses a Lambda of a plain function with an error that says where it is and what to do', async () => {
    const dataset = new TinyImageDataset(2, new Compose<Image, Tensor>([new ToTensor(), new Lambda((t: Tensor) => t)]));
    const error = await collect(new DataLoader(dataset, { batchSize: 2, numWorkers: 1 })).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe(
      'DataLoader workers: dataset workerSpec() args[1] args[0][1] is a function, which cannot be copied to another thread; export it from a module and rebuild it from plain arguments there',
    );
  });
});
