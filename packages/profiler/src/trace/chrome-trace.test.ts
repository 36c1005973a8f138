import * as dl from '@dl/core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfilerError } from '../errors/profiler-error';
import { profile } from '../profiler/profile';
import { recordFunction } from '../record/record-function';
import type { ChromeTrace, ChromeTraceEvent } from './chrome-trace';

const { nn, optim } = dl;

function mlp() {
  dl.manualSeed(0);
  const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
  const opt = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  const lossFn = new nn.CrossEntropyLoss();
  const x = dl.randn([64, 784]);
  const y = dl.randint(0, 10, [64]);
  const step = (): void =>
    dl.scope(() => {
      opt.zeroGrad();
      const loss = recordFunction('forward', () => lossFn.forward(model.forward(x), y));
      recordFunction('backward', () => loss.backward());
      opt.step();
    });
  return step;
}

/** Checks that on each track every complete event either contains or follows the one before it. */
function expectProperNesting(events: ChromeTraceEvent[]): void {
  const byTid = new Map<number, ChromeTraceEvent[]>();
  for (const e of events) byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
  for (const list of byTid.values()) {
    list.sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
    const open: ChromeTraceEvent[] = [];
    for (const e of list) {
      while (open.length && open[open.length - 1].ts! + open[open.length - 1].dur! <= e.ts!) open.pop();
      const top = open[open.length - 1];
      if (top) expect(e.ts! + e.dur!, `${e.name} at ${e.ts} overlaps ${top.name} partly`).toBeLessThanOrEqual(top.ts! + top.dur!);
      open.push(e);
    }
  }
}

function enclosing(all: ChromeTraceEvent[], e: ChromeTraceEvent): ChromeTraceEvent[] {
  return all.filter((p) => p !== e && p.tid === e.tid && p.ts! <= e.ts! && p.ts! + p.dur! >= e.ts! + e.dur!);
}

describe('exportChromeTrace', () => {
  it('writes a trace that parses, with complete events in microseconds that nest properly', () => {
    const step = mlp();
    step();
    const prof = profile({ recordShapes: true }, () => {
      step();
      step();
    });
    const dir = mkdtempSync(join(tmpdir(), 'dl-trace-'));
    const path = join(dir, 'trace.json');
    prof.exportChromeTrace(path);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as ChromeTrace;
    expect(trace.displayTimeUnit).toBe('ms');
    expect(trace.otherData.producer).toBe('@dl/profiler');
    const complete = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(complete.length).toBe(prof.events().length);
    for (const e of complete) {
      expect(typeof e.name).toBe('string');
      expect(['cpu_op', 'kernel', 'user_annotation', 'dataloader', 'ignite']).toContain(e.cat);
      expect(e.ts).toBeGreaterThanOrEqual(0);
      expect(e.dur).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(e.pid)).toBe(true);
      expect(e.tid).toBe(0);
    }
    expectProperNesting(complete);
    const meta = trace.traceEvents.filter((e) => e.ph === 'M');
    expect(meta.map((e) => e.name)).toEqual(['process_name', 'thread_name']);
    expect(meta[0].args?.name).toBe(`@dl (tfjs ${dl.getBackend()})`);

    // Ops sit inside the user ranges, kernels inside the ops.
    const linear = complete.find((e) => e.name === 'Linear')!;
    expect(linear.args?.['Input Dims']).toEqual([[64, 784], [128, 784], [128]]);
    expect(linear.args?.phase).toBe('forward');
    expect(enclosing(complete, linear).map((p) => p.name)).toContain('forward');
    for (const k of complete.filter((e) => e.name === 'tfjs::BatchMatMul')) {
      const parents = enclosing(complete, k).map((p) => p.name);
      expect(parents.some((n) => n === 'Linear' || n === 'LinearBackward')).toBe(true);
    }
    const back = complete.find((e) => e.name === 'LinearBackward')!;
    expect(back.args?.phase).toBe('backward');
    expect(enclosing(complete, back).map((p) => p.name)).toContain('backward');
  });

  it('puts async ranges that overlap only partly on tracks of their own', async () => {
    const prof = await profile(async () => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const a = recordFunction('A', () => sleep(30));
      await sleep(10);
      const b = recordFunction('B', () => sleep(40));
      await Promise.all([a, b]);
    });
    const trace = prof.chromeTrace();
    const a = trace.traceEvents.find((e) => e.name === 'A')!;
    const b = trace.traceEvents.find((e) => e.name === 'B')!;
    expect(a.tid).toBe(0);
    expect(b.tid).toBe(1);
    expect(trace.traceEvents.find((e) => e.ph === 'M' && e.tid === 1)?.args?.name).toBe('async ranges 1');
    expectProperNesting(trace.traceEvents.filter((e) => e.ph === 'X'));
  });

  it('matches chromeTrace() and refuses averages', () => {
    const prof = profile(() => dl.scope(() => dl.ones([4, 4]).matmul(dl.ones([4, 4]))));
    const dir = mkdtempSync(join(tmpdir(), 'dl-trace-'));
    prof.events().exportChromeTrace(join(dir, 't.json'));
    expect(JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'))).toEqual(prof.chromeTrace());
    expect(() => prof.keyAverages().exportChromeTrace(join(dir, 'avg.json'))).toThrow(
      new ProfilerError('exportChromeTrace: a trace is made from events, not averages: call it on prof.events() (or the profiler itself)'),
    );
  });

  it('names the path when it cannot write the file', () => {
    const prof = profile(() => undefined);
    const path = join(tmpdir(), 'no-such-dir-dl-profiler', 'trace.json');
    expect(() => prof.exportChromeTrace(path)).toThrow(ProfilerError);
    expect(() => prof.exportChromeTrace(path)).toThrow(`exportChromeTrace: cannot write '${path}': ENOENT: no such file or directory, open '${path}'`);
    expect(() => prof.exportChromeTrace('')).toThrow(new ProfilerError("exportChromeTrace: path should be a non-empty string, got ''"));
  });
});

describe('exportStacks', () => {
  it('writes collapsed stacks for flame graphs', () => {
    const step = mlp();
    const prof = profile({ withStack: true }, () => step());
    const dir = mkdtempSync(join(tmpdir(), 'dl-stacks-'));
    prof.exportStacks(join(dir, 's.txt'));
    const lines = readFileSync(join(dir, 's.txt'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^\S+ \d+$/);
    expect(lines.some((l) => /chrome-trace\.test\.ts\(\d+\):.*;Linear \d+$/.test(l))).toBe(true);
    expect(() => profile(() => undefined).exportStacks(join(dir, 'x.txt'))).toThrow(new ProfilerError('exportStacks: no stacks were recorded: profile with { withStack: true }'));
  });
});
