import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { SequentialSampler } from './sequential-sampler';

describe('SequentialSampler', () => {
  it('yields 0..length-1 in order, every pass', () => {
    const s = new SequentialSampler({ length: 4 });
    expect([...s]).toEqual([0, 1, 2, 3]);
    expect([...s]).toEqual([0, 1, 2, 3]);
    expect(s.length).toBe(4);
  });

  it('follows the dataset length when it changes', () => {
    const data = [1, 2];
    const s = new SequentialSampler(data);
    data.push(3);
    expect([...s]).toEqual([0, 1, 2]);
  });

  it('rejects a source without a length', () => {
    expect(() => new SequentialSampler({} as { length: number })).toThrow(ValueError);
    expect(() => new SequentialSampler({} as { length: number })).toThrow('SequentialSampler: the data source must have a non-negative integer length, got undefined');
  });
});
