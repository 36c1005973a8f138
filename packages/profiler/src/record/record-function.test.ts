import * as dl from '@dl/core';
import { describe, expect, it } from 'vitest';
import { profile } from '../profiler/profile';
import { recordFunction } from './record-function';

describe('recordFunction', () => {
  it('records a named range around a sync function and returns its result', () => {
    let out = 0;
    const prof = profile(() => {
      out = recordFunction('my_range', () => dl.scope(() => dl.ones([2, 2]).matmul(dl.ones([2, 2])).sum().item()));
    });
    expect(out).toBe(8);
    const range = prof.events().find((e) => e.name === 'my_range')!;
    expect(range.category).toBe('user_annotation');
    expect(range.children.map((c) => c.name)).toEqual(expect.arrayContaining(['MatMul', 'Sum']));
  });

  it('records async functions until they settle', async () => {
    const prof = await profile(async () => {
      const v = await recordFunction('wait', () => new Promise<number>((r) => setTimeout(() => r(3), 20)));
      expect(v).toBe(3);
    });
    const range = prof.events().find((e) => e.name === 'wait')!;
    expect(range.cpuTimeTotal).toBeGreaterThanOrEqual(15_000);
  });

  it('opens a range that end() closes', () => {
    const prof = profile(() => {
      const r = recordFunction('manual');
      dl.scope(() => dl.ones([3]).add(1));
      r.end();
      r.end();
    });
    const range = prof.events().find((e) => e.name === 'manual')!;
    expect(range.children.map((c) => c.name)).toContain('Add');
  });

  it('closes a range whose function throws', () => {
    const prof = profile(() => {
      expect(() =>
        recordFunction('fails', () => {
          throw new Error('x');
        }),
      ).toThrow('x');
    });
    expect(Number.isFinite(prof.events().find((e) => e.name === 'fails')!.endUs)).toBe(true);
  });

  it('only runs the function when no profiler runs', () => {
    expect(recordFunction('idle', () => 42)).toBe(42);
    expect(() => recordFunction('idle').end()).not.toThrow();
  });

  it('ends a range left open when the profiler stops', () => {
    const prof = profile(() => void recordFunction('left-open'));
    const e = prof.events().find((x) => x.name === 'left-open')!;
    expect(e.endUs).toBeGreaterThanOrEqual(e.startUs);
  });

  it('rejects a bad name or function with ValueError', () => {
    expect(() => recordFunction('', () => 1)).toThrow(new dl.ValueError("recordFunction: name should be a non-empty string, got ''"));
    expect(() => recordFunction(3 as unknown as string)).toThrow(new dl.ValueError('recordFunction: name should be a non-empty string, got 3'));
    expect(() => recordFunction('x', 5 as unknown as () => void)).toThrow(new dl.ValueError('recordFunction: fn should be a function, got number'));
  });
});
