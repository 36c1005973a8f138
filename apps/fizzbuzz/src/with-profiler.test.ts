import { ones, scope } from '@dl/core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withProfiler } from './with-profiler';

const work = async (): Promise<number> => scope(() => ones([4, 4]).matmul(ones([4, 4])).sum().item());

describe('withProfiler (--profile)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the top ops and writes a Chrome trace, passing the result through', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const dir = mkdtempSync(join(tmpdir(), 'fizzbuzz-profile-'));
    expect(await withProfiler(true, dir, work)).toBe(64);
    const text = lines.join('\n');
    expect(text).toMatch(/^\s+MatMul\s+\d/m);
    expect(text).toContain(`written to ${join(dir, 'trace.json')}`);
    const trace = JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as { traceEvents: { name: string }[] };
    expect(trace.traceEvents.map((e) => e.name)).toContain('tfjs::BatchMatMul');
  });

  it('only runs the function without the flag', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fizzbuzz-profile-')), 'out');
    expect(await withProfiler(false, dir, work)).toBe(64);
    expect(existsSync(dir)).toBe(false);
  });
});
