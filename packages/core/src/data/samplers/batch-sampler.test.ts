import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { torchData } from '../../../test/support/torch-data';
import { BatchSampler } from './batch-sampler';
import { SequentialSampler } from './sequential-sampler';

describe('BatchSampler', () => {
  const seq = new SequentialSampler({ length: 10 });

  it('groups indices, keeping or dropping the short last batch', () => {
    const keep = new BatchSampler(seq, 3);
    expect([...keep]).toEqual(torchData.batch_sampler_10_3);
    expect(keep.length).toBe(4);
    const drop = new BatchSampler(seq, 3, { dropLast: true });
    expect([...drop]).toEqual(torchData.batch_sampler_10_3_drop);
    expect(drop.length).toBe(3);
  });

  it('batches any iterable of indices', () => {
    expect([...new BatchSampler([5, 6, 7], 2)]).toEqual([[5, 6], [7]]);
  });

  it('rejects a bad batch size or sampler', () => {
    expect(() => new BatchSampler(seq, 0)).toThrow(ValueError);
    expect(() => new BatchSampler(seq, 0)).toThrow('BatchSampler: batchSize should be a positive integer value, but got batchSize=0');
    expect(() => new BatchSampler(seq, 2.5)).toThrow('BatchSampler: batchSize should be a positive integer value, but got batchSize=2.5');
    expect(() => new BatchSampler(seq, 2, { dropLast: 'yes' as unknown as boolean })).toThrow('BatchSampler: dropLast should be a boolean value, but got dropLast=yes');
    expect(() => new BatchSampler(3 as unknown as number[], 2)).toThrow('BatchSampler: sampler should be an iterable of indices, but got 3');
  });
});
