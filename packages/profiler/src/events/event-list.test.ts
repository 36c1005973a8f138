import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { ProfilerError } from '../errors/profiler-error';
import { buildTree } from './build-tree';
import { EventList, type EventListContext } from './event-list';
import { FunctionEvent } from './function-event';

const CONTEXT: EventListContext = {
  profileMemory: true,
  withFlops: false,
  recordShapes: true,
  withStack: false,
  trace: { epochMs: 0, backend: 'cpu', trackCount: 1 },
};

let nextId = 0;
function ev(name: string, startUs: number, endUs: number, extra: { shapes?: number[][]; mem?: number; category?: FunctionEvent['category'] } = {}): FunctionEvent {
  return new FunctionEvent({
    id: nextId++,
    name,
    category: extra.category ?? (name.startsWith('tfjs::') ? 'kernel' : 'cpu_op'),
    phase: extra.category ? null : name.endsWith('Backward') ? 'backward' : 'forward',
    thread: 0,
    startUs,
    endUs,
    inputShapes: extra.shapes ?? null,
    stack: null,
    cpuMemoryUsage: extra.mem ?? 0,
    flops: 0,
  });
}

/**
 * A small known profile (microseconds):
 *   Linear [0, 100] > tfjs::BatchMatMul [10, 70], tfjs::Add [75, 90]
 *   Relu [100, 120] > tfjs::Relu [105, 115]
 *   Linear [120, 160] (other shapes) > tfjs::BatchMatMul [125, 150]
 *   LinearBackward [200, 300] > tfjs::BatchMatMul [210, 250], tfjs::BatchMatMul [250, 290]
 */
function sample(): EventList {
  nextId = 0;
  const events = [
    ev('Linear', 0, 100, { shapes: [[64, 784], [128, 784]], mem: 32768 }),
    ev('tfjs::BatchMatMul', 10, 70, { shapes: [[64, 784], [128, 784]] }),
    ev('tfjs::Add', 75, 90, { shapes: [[64, 128], [128]] }),
    ev('Relu', 100, 120, { shapes: [[64, 128]], mem: 32768 }),
    ev('tfjs::Relu', 105, 115, { shapes: [[64, 128]] }),
    ev('Linear', 120, 160, { shapes: [[64, 128], [10, 128]], mem: 2560 }),
    ev('tfjs::BatchMatMul', 125, 150, { shapes: [[64, 128], [10, 128]] }),
    ev('LinearBackward', 200, 300, { mem: 1024 }),
    ev('tfjs::BatchMatMul', 210, 250),
    ev('tfjs::BatchMatMul', 250, 290),
  ];
  buildTree(events);
  return new EventList(events, CONTEXT);
}

/** The rows of a table: [name, ...cells], header and separator lines dropped. */
function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((l) => l.trim() && !/^[-\s]+$/.test(l) && !l.includes('Self CPU %') && !l.startsWith('Self CPU time total') && !l.startsWith('=') && !l.startsWith('This report'))
    .map((l) => l.trim().split(/\s{2,}/));
}

describe('buildTree', () => {
  it('links children to the innermost enclosing event', () => {
    const list = sample();
    const [linear, mm, add, relu, reluK, linear2, mm2, back, bmm1, bmm2] = list;
    expect(linear.children).toEqual([mm, add]);
    expect(relu.children).toEqual([reluK]);
    expect(linear2.children).toEqual([mm2]);
    expect(back.children).toEqual([bmm1, bmm2]);
    expect(mm.parent).toBe(linear);
    expect(linear.parent).toBeNull();
    expect(linear.selfCpuTimeTotal).toBe(100 - 60 - 15);
    expect(back.selfCpuTimeTotal).toBe(20);
  });

  it('treats an event that starts as another ends as its sibling', () => {
    const a = ev('A', 0, 10);
    const b = ev('B', 10, 20);
    buildTree([a, b]);
    expect(b.parent).toBeNull();
    expect(a.children).toEqual([]);
  });

  it('moves a range that overlaps another only partly to a track of its own', () => {
    const a = ev('async A', 0, 100, { category: 'user_annotation' });
    const b = ev('async B', 50, 150, { category: 'user_annotation' });
    const inA = ev('MatMul', 10, 20);
    const afterA = ev('Relu', 120, 130);
    const tracks = buildTree([a, b, inA, afterA]);
    expect(tracks).toBe(2);
    expect(b.thread).toBe(1);
    expect(b.isAsync).toBe(true);
    expect(b.selfCpuTimeTotal).toBe(0);
    expect(inA.parent).toBe(a);
    expect(afterA.parent).toBeNull();
    expect(afterA.thread).toBe(0);
  });
});

describe('EventList.table', () => {
  it('prints PyTorch columns and the self CPU time total', () => {
    const t = sample().keyAverages().table();
    const header = t.split('\n')[1];
    expect(header.trim().split(/\s{2,}/)).toEqual(['Name', 'Self CPU %', 'Self CPU', 'CPU total %', 'CPU total', 'CPU time avg', 'CPU Mem', 'Self CPU Mem', '# of Calls']);
    expect(t.trimEnd().split('\n').pop()).toBe('Self CPU time total: 260.000us');
  });

  it('sorts by each key, largest first', () => {
    const avg = sample().keyAverages();
    const order = (sortBy: Parameters<EventList['table']>[0]): string[] => rows(avg.table(sortBy)).map((r) => r[0]);
    // BatchMatMul: 4 calls, 60+25+40+40 = 165 total; Linear 2 calls: 140 total, self 25+15 = 40.
    expect(order({ sortBy: 'cpu_time_total' })).toEqual(['tfjs::BatchMatMul', 'Linear', 'LinearBackward', 'Relu', 'tfjs::Add', 'tfjs::Relu']);
    expect(order({ sortBy: 'self_cpu_time_total' })).toEqual(['tfjs::BatchMatMul', 'Linear', 'LinearBackward', 'tfjs::Add', 'Relu', 'tfjs::Relu']);
    expect(order({ sortBy: 'count' })[0]).toBe('tfjs::BatchMatMul');
    // Averages: LinearBackward 100 per call beats Linear 70 and BatchMatMul 41.25.
    expect(order({ sortBy: 'cpu_time' }).slice(0, 3)).toEqual(['LinearBackward', 'Linear', 'tfjs::BatchMatMul']);
    expect(order({ sortBy: 'cpu_memory_usage' }).slice(0, 3)).toEqual(['Linear', 'Relu', 'LinearBackward']);
    expect(order({ sortBy: 'selfCpuTimeTotal' })).toEqual(order({ sortBy: 'self_cpu_time_total' }));
  });

  it('shows totals, averages and shares in PyTorch formats', () => {
    const r = rows(sample().keyAverages().table({ sortBy: 'cpu_time_total' }));
    expect(r[0]).toEqual(['tfjs::BatchMatMul', '63.46%', '165.000us', '63.46%', '165.000us', '41.250us', '0 B', '0 B', '4']);
    expect(r[1]).toEqual(['Linear', '15.38%', '40.000us', '53.85%', '140.000us', '70.000us', '34.50 KB', '34.50 KB', '2']);
  });

  it('limits rows and keeps top-level events only when asked', () => {
    const list = sample();
    expect(rows(list.keyAverages().table({ sortBy: 'count', rowLimit: 2 }))).toHaveLength(2);
    expect(rows(list.keyAverages().table({ rowLimit: 0 }))).toHaveLength(0);
    const top = rows(list.table({ topLevelEventsOnly: true })).map((r) => r[0]);
    expect(top).toEqual(['Linear', 'Relu', 'Linear', 'LinearBackward']);
    expect(list.table({ topLevelEventsOnly: true })).toContain('This report only display top-level ops statistics');
  });

  it('prints times in the unit asked for', () => {
    const r = rows(sample().keyAverages().table({ sortBy: 'cpu_time_total', timeUnit: 'ms', rowLimit: 1 }));
    expect(r[0].slice(2, 6)).toEqual(['0.165ms', '63.46%', '0.165ms', '0.041ms']);
  });

  it('cuts long names and adds a header', () => {
    const list = new EventList([ev('x'.repeat(80), 0, 10)], CONTEXT);
    const t = list.table({ header: 'MY RUN', maxNameColumnWidth: 20 });
    expect(t.split('\n')[1]).toBe('MY RUN');
    expect(t).toContain('x'.repeat(17) + '...');
  });

  it('rejects unknown sort keys and bad options with typed errors', () => {
    const avg = sample().keyAverages();
    expect(() => avg.table({ sortBy: 'nope' as never })).toThrow(
      new ProfilerError(
        "table: sortBy 'nope' is not a valid key; expected one of 'cpu_time', 'cpu_time_total', 'self_cpu_time', 'self_cpu_time_total', 'cpu_memory_usage', 'self_cpu_memory_usage', 'count', 'flops' (or their camelCase forms)",
      ),
    );
    expect(() => avg.table({ sortBy: 'cuda_time_total' as never })).toThrow(/sortBy 'cuda_time_total' is not a valid key \(@dl runs on TensorFlow\.js and records no device times\)/);
    expect(() => avg.table({ rowLimit: 1.5 })).toThrow(new ValueError('table: rowLimit should be an integer >= 0 (or -1 for all rows), got 1.5'));
    expect(() => avg.table({ timeUnit: 'h' as never })).toThrow(new ValueError("table: timeUnit should be 's', 'ms' or 'us', got h"));
    expect(() => avg.table({ maxNameColumnWidth: 2 })).toThrow(new ValueError('table: maxNameColumnWidth should be an integer >= 4, got 2'));
  });
});

describe('EventList.keyAverages', () => {
  it('sums events per name', () => {
    const avg = sample().keyAverages();
    const linear = avg.find((e) => e.key === 'Linear')!;
    expect(linear.count).toBe(2);
    expect(linear.cpuTimeTotal).toBe(140);
    expect(linear.selfCpuTimeTotal).toBe(40);
    expect(linear.cpuTime).toBe(70);
    expect(linear.cpuMemoryUsage).toBe(32768 + 2560);
    expect(linear.inputShapes).toBeNull();
    expect(avg.map((e) => e.key)).toEqual(['Linear', 'tfjs::BatchMatMul', 'tfjs::Add', 'Relu', 'tfjs::Relu', 'LinearBackward']);
  });

  it('groups by input shape', () => {
    const avg = sample().keyAverages({ groupByInputShape: true });
    const linears = avg.filter((e) => e.key === 'Linear');
    expect(linears.map((e) => [e.inputShapes, e.count, e.cpuTimeTotal])).toEqual([
      [[[64, 784], [128, 784]], 1, 100],
      [[[64, 128], [10, 128]], 1, 40],
    ]);
    // Backward matmuls recorded without shapes share one row.
    expect(avg.filter((e) => e.key === 'tfjs::BatchMatMul').map((e) => e.count)).toEqual([1, 1, 2]);
    const t = avg.table({ sortBy: 'cpu_time_total' });
    expect(t).toContain('Input Shapes');
    expect(t).toContain('[[64, 784], [128, 784]]');
  });

  it('averages everything into one Total', () => {
    const total = sample().totalAverage();
    expect(total.key).toBe('Total');
    expect(total.count).toBe(10);
    expect(total.selfCpuTimeTotal).toBe(260);
  });

  it('refuses groupings the recording cannot serve', () => {
    const list = new EventList([ev('A', 0, 1)], { ...CONTEXT, recordShapes: false });
    expect(() => list.keyAverages({ groupByInputShape: true })).toThrow(new ProfilerError('keyAverages: groupByInputShape needs shapes: profile with { recordShapes: true }'));
    expect(() => list.keyAverages({ groupByStackN: 2 })).toThrow(new ProfilerError('keyAverages: groupByStackN needs stacks: profile with { withStack: true }'));
    expect(() => list.keyAverages({ groupByStackN: -1 })).toThrow(new ValueError('keyAverages: groupByStackN should be an integer >= 0, got -1'));
  });
});
