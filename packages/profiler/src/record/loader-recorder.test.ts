import * as dl from '@dl/core';
import { describe, expect, it } from 'vitest';
import { profile } from '../profiler/profile';

function loader(): dl.DataLoader<[dl.Tensor, dl.Tensor]> {
  const x = dl.arange(0, 20).reshape([10, 2]);
  const y = dl.arange(0, 10);
  return new dl.DataLoader(new dl.TensorDataset(x, y), { batchSize: 4 }) as unknown as dl.DataLoader<[dl.Tensor, dl.Tensor]>;
}

describe('DataLoader waits', () => {
  it('records each wait for a batch as DataLoader.next, with the collation inside', async () => {
    const data = loader();
    const prof = await profile(async () => {
      for await (const batch of data) void batch;
    });
    const waits = prof.events().filter((e) => e.name === 'DataLoader.next');
    // Three batches, and the call that ends the epoch.
    expect(waits).toHaveLength(4);
    for (const w of waits) expect(w.category).toBe('dataloader');
    const inside = waits.flatMap((w) => w.children.map((c) => c.name));
    expect(inside.length).toBeGreaterThan(0);
  });

  it('records synchronous iteration too', () => {
    const data = loader();
    const prof = profile(() => {
      for (const batch of data) void batch;
    });
    expect(prof.events().filter((e) => e.name === 'DataLoader.next')).toHaveLength(4);
  });

  it('records nothing about loaders when not profiling', async () => {
    const data = loader();
    let n = 0;
    for await (const batch of data) {
      void batch;
      n++;
    }
    expect(n).toBe(3);
  });
});
