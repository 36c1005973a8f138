import * as dl from '@dl/core';
import { Engine, Events } from '@dl/ignite';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilerError } from '../errors/profiler-error';
import { BasicTimeProfiler, HandlersTimeProfiler } from '../ignite';
import { profile } from '../profiler/profile';

const { nn, optim } = dl;

/** A small trainer: 12 samples, batches of 4 (3 iterations per epoch), a 2-layer MLP. */
function setup() {
  dl.manualSeed(0);
  const model = new nn.Sequential(new nn.Linear(8, 16), new nn.ReLU(), new nn.Linear(16, 3));
  const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const lossFn = new nn.CrossEntropyLoss();
  const data = new dl.DataLoader(new dl.TensorDataset(dl.randn([12, 8]), dl.randint(0, 3, [12])), { batchSize: 4 });
  const trainer = new Engine((_e, [x, y]: [dl.Tensor, dl.Tensor]) =>
    dl.scope(() => {
      opt.zeroGrad();
      const loss = lossFn.forward(model.forward(x), y);
      loss.backward();
      opt.step();
      return loss.item();
    }),
  );
  const losses: number[] = [];
  function logLoss(e: Engine) {
    losses.push(e.state.output as number);
  }
  function everyOther() {
    const t = performance.now();
    while (performance.now() - t < 1);
  }
  trainer.on(Events.ITERATION_COMPLETED, logLoss);
  trainer.on(Events.ITERATION_COMPLETED({ every: 2 }), everyOther);
  trainer.on(Events.EPOCH_COMPLETED, async function slowEpochEnd() {
    await new Promise((r) => setTimeout(r, 5));
  });
  return { trainer, data: data as unknown as Iterable<[dl.Tensor, dl.Tensor]>, losses };
}

afterEach(() => vi.restoreAllMocks());

describe('BasicTimeProfiler', () => {
  it('times processing, dataflow and the handlers of each event', async () => {
    const { trainer, data, losses } = setup();
    const profiler = new BasicTimeProfiler();
    profiler.attach(trainer);
    await trainer.run(data, { maxEpochs: 2 });
    expect(losses).toHaveLength(6);
    const r = profiler.getResults();
    expect(typeof r.processingStats.total).toBe('number');
    expect(r.processingStats.minIndex![1]).toBeGreaterThanOrEqual(0);
    expect(r.processingStats.maxIndex![1]).toBeLessThan(6);
    expect(r.processingStats.mean).toBeCloseTo((r.processingStats.total as number) / 6, 10);
    expect(typeof r.dataflowStats.total).toBe('number');
    expect(r.eventHandlersNames.ITERATION_COMPLETED).toEqual(['logLoss', 'everyOther']);
    expect(r.eventHandlersNames.EPOCH_COMPLETED).toEqual(['slowEpochEnd']);
    expect(r.eventHandlersStats.EPOCH_COMPLETED.total as number).toBeGreaterThanOrEqual(0.004);
    expect(r.eventHandlersStats.EPOCH_COMPLETED.minIndex![1]).toBeLessThan(2);
    expect(r.eventHandlersStats.totalTime).toBeGreaterThanOrEqual(r.eventHandlersStats.EPOCH_COMPLETED.total as number);
    // STARTED fired once: a total only.
    expect(Object.keys(r.eventHandlersStats.STARTED)).toEqual(['total']);

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const text = BasicTimeProfiler.printResults(r);
    expect(log).toHaveBeenCalledWith(text);
    expect(text).toContain('| Time profiling stats (in seconds):                 |');
    expect(text).toContain("- Events.ITERATION_COMPLETED: ['logLoss', 'everyOther']");
    expect(text).toMatch(/Processing function:\n\d+\.\d{5} \| \d+\.\d{5}\/\d \| \d+\.\d{5}\/\d \| \d+\.\d{5} \| \d+\.\d{5}\n/);

    const path = join(mkdtempSync(join(tmpdir(), 'dl-btp-')), 'times.csv');
    profiler.writeResults(path);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'epoch,iteration,processing_stats,dataflow_stats,Event_STARTED,Event_COMPLETED,Event_EPOCH_STARTED,Event_EPOCH_COMPLETED,Event_ITERATION_STARTED,Event_ITERATION_COMPLETED,Event_GET_BATCH_STARTED,Event_GET_BATCH_COMPLETED',
    );
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['1,1', '1,2', '1,3', '2,4', '2,5', '2,6']);
  });

  it('reports events that never fired', () => {
    const r = new BasicTimeProfiler().getResults();
    expect(r.processingStats).toEqual({ total: 'not yet triggered' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(BasicTimeProfiler.printResults(r)).toContain('- Events.COMPLETED: []\nnot yet triggered');
    expect(log).toHaveBeenCalled();
  });

  it('rejects what it cannot profile', () => {
    const p = new BasicTimeProfiler();
    expect(() => p.attach({} as Engine)).toThrow(new dl.ValueError('BasicTimeProfiler.attach: engine should be an @dl/ignite Engine, got object'));
    p.attach(new Engine(() => 0) as Engine);
    expect(() => p.attach(new Engine(() => 0) as Engine)).toThrow(
      new ProfilerError('BasicTimeProfiler.attach: this profiler is already attached to another engine; use one profiler per engine'),
    );
    expect(() => p.writeResults(join(tmpdir(), 'x.csv'))).toThrow(new ProfilerError('BasicTimeProfiler.writeResults: nothing recorded yet: run the engine first'));
  });
});

describe('HandlersTimeProfiler', () => {
  it('times each handler separately, skipping filtered calls that did not run', async () => {
    const { trainer, data } = setup();
    const profiler = new HandlersTimeProfiler();
    profiler.attach(trainer);
    await trainer.run(data, { maxEpochs: 2 });
    const r = profiler.getResults();
    const byKey = new Map(r.handlers.map((h) => [`${h.handler} (${h.event})`, h]));
    expect([...byKey.keys()]).toEqual(expect.arrayContaining(['logLoss (ITERATION_COMPLETED)', 'everyOther (ITERATION_COMPLETED)', 'slowEpochEnd (EPOCH_COMPLETED)']));
    // everyOther runs on iterations 2, 4, 6 only (it busy-waits 1 ms, over ignite's 0.1 ms threshold).
    const everyOther = byKey.get('everyOther (ITERATION_COMPLETED)')!;
    expect(everyOther.total as number).toBeGreaterThanOrEqual(0.003);
    expect(everyOther.total as number).toBeLessThan(0.5);
    expect(everyOther.minIndex![1]).toBeLessThan(3);
    expect(typeof r.processing.total).toBe('number');
    expect(r.processing.handler).toBe('Processing');
    expect(r.dataflow.event).toBe('None');
    expect(r.total).toBeGreaterThan(0);

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const text = HandlersTimeProfiler.printResults(r);
    expect(log).toHaveBeenCalledWith(text);
    const lines = text.split('\n');
    expect(lines[2].trim().split(/\s{2,}/)).toEqual(['Handler', 'Event Name', 'Total(s)', 'Min(s)/IDX', 'Max(s)/IDX', 'Mean(s)', 'Std(s)']);
    expect(text).toMatch(/^everyOther\s+ITERATION_COMPLETED\s+\d/m);
    expect(text).toMatch(/^Total\s+\d/m);
    expect(text).toMatch(/^Processing took total \d+(\.\d+)?s \[min\/index: \d+(\.\d+)?s\/\d, max\/index: /m);

    const path = join(mkdtempSync(join(tmpdir(), 'dl-htp-')), 'handlers.csv');
    profiler.writeResults(path);
    const csv = readFileSync(path, 'utf8').trim().split('\n');
    expect(csv[0].split(',').slice(0, 3)).toEqual(['#', 'processing_stats', 'dataflow_stats']);
    expect(csv[0]).toContain('everyOther (ITERATION_COMPLETED)');
    expect(csv).toHaveLength(7);
  });

  it('refuses to write results before a run', () => {
    const p = new HandlersTimeProfiler();
    expect(() => p.writeResults(join(tmpdir(), 'h.csv'))).toThrow(new ProfilerError('HandlersTimeProfiler.writeResults: nothing recorded yet: run the engine first'));
    expect(() => p.attach(null as unknown as Engine)).toThrow(new dl.ValueError('HandlersTimeProfiler.attach: engine should be an @dl/ignite Engine, got null'));
  });
});

describe('profile() with @dl/profiler/ignite loaded', () => {
  it('records engine events, handlers, the process function and the data wait', async () => {
    const { trainer, data } = setup();
    const prof = await profile(() => trainer.run(data, { maxEpochs: 1 }));
    const events = prof.events();
    const names = new Set(events.map((e) => e.name));
    for (const n of ['Events.STARTED', 'Events.ITERATION_COMPLETED', 'Events.EPOCH_COMPLETED', 'Engine.process_function', 'Engine.dataflow', 'handler:logLoss', 'handler:slowEpochEnd', 'DataLoader.next']) {
      expect(names, n).toContain(n);
    }
    const process = events.filter((e) => e.name === 'Engine.process_function');
    expect(process).toHaveLength(3);
    for (const p of process) expect(p.children.map((c) => c.name)).toEqual(expect.arrayContaining(['Linear', 'CrossEntropyLoss']));
    const flow = events.filter((e) => e.name === 'Engine.dataflow');
    expect(flow.every((f) => f.children.some((c) => c.name === 'DataLoader.next'))).toBe(true);
    const iterDone = events.find((e) => e.name === 'Events.ITERATION_COMPLETED')!;
    expect(iterDone.category).toBe('ignite');
    expect(iterDone.children.map((c) => c.name)).toEqual(['handler:logLoss', 'handler:everyOther']);
    const epochDone = events.find((e) => e.name === 'Events.EPOCH_COMPLETED')!;
    expect(epochDone.children.map((c) => c.name)).toEqual(['handler:slowEpochEnd']);
    expect(epochDone.cpuTimeTotal).toBeGreaterThanOrEqual(4_000);
  });
});
