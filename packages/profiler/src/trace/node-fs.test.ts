import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfilerError } from '../errors/profiler-error';
import { profile } from '../profiler/profile';

describe('writing trace files', () => {
  const proc = process as { getBuiltinModule?: unknown };
  const original = proc.getBuiltinModule;
  afterEach(() => {
    proc.getBuiltinModule = original;
  });

  it('says what is needed where Node cannot write files', () => {
    const prof = profile(() => undefined);
    proc.getBuiltinModule = undefined;
    expect(() => prof.exportChromeTrace('t.json')).toThrow(
      new ProfilerError('exportChromeTrace: writing files needs Node.js >= 20.16 (process.getBuiltinModule); elsewhere use chromeTrace() and save the object yourself'),
    );
    expect(prof.chromeTrace().traceEvents.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync('/dev/full'))('names the path when a write fails midway (a full disk)', () => {
    const prof = profile(() => undefined);
    expect(() => prof.exportChromeTrace('/dev/full')).toThrow(new ProfilerError("exportChromeTrace: writing '/dev/full' failed: ENOSPC: no space left on device, write"));
  });

  it('rejects an unknown exportStacks metric', () => {
    const prof = profile({ withStack: true }, () => undefined);
    expect(() => prof.exportStacks('s.txt', 'cpu_time' as never)).toThrow(new ProfilerError("exportStacks: metric should be 'self_cpu_time_total', got 'cpu_time'"));
  });
});
