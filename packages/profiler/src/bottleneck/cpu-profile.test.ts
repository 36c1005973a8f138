import { describe, expect, it } from 'vitest';
import { summarizeCpuProfile, summarizeCpuProfiles, type V8CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '0' });

/**
 * (root) > main (app.js:1) > work (app.js:10) > helper (node_modules/lib/x.js:5), plus (idle)
 * and (garbage collector). Samples every 1 ms.
 */
function profile(): V8CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
      { id: 2, callFrame: frame('main', 'file:///proj/app.js', 0), children: [3] },
      { id: 3, callFrame: frame('work', 'file:///proj/app.js', 9), children: [4] },
      { id: 4, callFrame: frame('helper', 'file:///proj/node_modules/lib/x.js', 4) },
      { id: 5, callFrame: frame('(idle)') },
      { id: 6, callFrame: frame('(garbage collector)') },
    ],
    startTime: 0,
    endTime: 10_000,
    // work, work, helper, helper, helper, main, idle, idle, gc, helper
    samples: [3, 3, 4, 4, 4, 2, 5, 5, 6, 4],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };
}

describe('summarizeCpuProfile', () => {
  it('sums self and total time per function, idle apart', () => {
    const s = summarizeCpuProfile(profile(), '/proj');
    expect(s.idleMs).toBe(2);
    expect(s.busyMs).toBe(8);
    expect(s.functions.map((f) => [f.name, f.location, f.selfMs, f.totalMs])).toEqual([
      ['helper', 'lib/x.js:5', 4, 4],
      ['work', 'app.js:10', 2, 6],
      ['main', 'app.js:1', 1, 7],
      ['(garbage collector)', '', 1, 1],
    ]);
  });

  it('counts a recursive function once per sample in its total', () => {
    const p: V8CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2] },
        { id: 2, callFrame: frame('fib', 'file:///a.js', 1), children: [3] },
        { id: 3, callFrame: frame('fib', 'file:///a.js', 1) },
      ],
      startTime: 0,
      endTime: 2000,
      samples: [3, 3],
      timeDeltas: [0, 1000],
    };
    expect(summarizeCpuProfile(p).functions).toEqual([{ name: 'fib', location: '/a.js:2', selfMs: 2, totalMs: 2 }]);
  });

  it('merges the parts of a profile that was restarted', () => {
    const s = summarizeCpuProfiles([profile(), profile()], '/proj')!;
    expect(s.busyMs).toBe(16);
    expect(s.functions[0]).toEqual({ name: 'helper', location: 'lib/x.js:5', selfMs: 8, totalMs: 8 });
    expect(summarizeCpuProfiles([])).toBeNull();
  });
});
