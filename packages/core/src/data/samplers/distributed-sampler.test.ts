import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { torchData } from '../../../test/support/torch-data';
import { DistributedSampler } from './distributed-sampler';

describe('DistributedSampler', () => {
  const ds = { length: 11 };

  for (const [key, expected] of Object.entries(torchData.distributed_11_3_seed5)) {
    it(`matches PyTorch for ${key}`, () => {
      const m = /drop(\d)_shuffle(\d)_epoch(\d)/.exec(key) as RegExpExecArray;
      const got = [0, 1, 2].map((rank) => {
        const s = new DistributedSampler(ds, { numReplicas: 3, rank, shuffle: m[2] === '1', seed: 5, dropLast: m[1] === '1' });
        s.setEpoch(Number(m[3]));
        expect(s.length).toBe(expected[rank].length);
        return [...s];
      });
      expect(got).toEqual(expected);
    });
  }

  it('covers the dataset across ranks (padding repeats the start)', () => {
    const all = [0, 1, 2].flatMap((rank) => [...new DistributedSampler(ds, { numReplicas: 3, rank })]);
    expect(all.length).toBe(12);
    expect(new Set(all).size).toBe(11);
  });

  it('pads tiny datasets by repeating them', () => {
    const s = new DistributedSampler({ length: 2 }, { numReplicas: 5, rank: 4, shuffle: false });
    expect([...s]).toEqual([0]);
  });

  it('rejects a bad rank', () => {
    expect(() => new DistributedSampler(ds, { numReplicas: 3, rank: 3 })).toThrow(ValueError);
    expect(() => new DistributedSampler(ds, { numReplicas: 3, rank: 3 })).toThrow('DistributedSampler: invalid rank 3, rank should be in the interval [0, 2]');
    expect(() => new DistributedSampler(ds, { numReplicas: 0 })).toThrow('DistributedSampler: numReplicas should be a positive integer value, but got numReplicas=0');
    expect(() => new DistributedSampler(ds).setEpoch(1.5)).toThrow('DistributedSampler.setEpoch: epoch should be an integer, but got 1.5');
  });
});
