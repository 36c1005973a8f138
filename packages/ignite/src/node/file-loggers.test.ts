import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { CsvLogger } from './csv-logger';
import { JsonLinesLogger } from './json-lines-logger';

const tmp = () => mkdtempSync(join(tmpdir(), 'dl-ignite-log-'));

function trainer(): Engine {
  const e = new Engine((_e, b: number) => b);
  e.on(Events.EPOCH_COMPLETED, (eng) => {
    eng.state.metrics.acc = eng.state.epoch / 4;
    if (eng.state.epoch === 2) eng.state.metrics.recall = [0.5, 1];
  });
  return e;
}

describe('JsonLinesLogger', () => {
  it('writes one JSON record per line', async () => {
    const path = join(tmp(), 'sub', 'log.jsonl');
    const log = new JsonLinesLogger(path);
    const e = trainer();
    log.attachOutputHandler(e, { eventName: Events.EPOCH_COMPLETED, tag: 'train', metricNames: 'all' });
    await e.run([1, 2], { maxEpochs: 2 });
    log.close();
    const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.tag, r.step, r.epoch, r.iteration, r.acc])).toEqual([['train', 1, 1, 2, 0.25], ['train', 2, 2, 4, 0.5]]);
    expect(rows[1].recall).toEqual([0.5, 1]);
    expect(() => log.write({} as never)).toThrow(/JsonLinesLogger: '.*log\.jsonl' is closed/);
    expect(() => new JsonLinesLogger('')).toThrow('JsonLinesLogger: path should be a non-empty string, got ');
  });
});

describe('CsvLogger', () => {
  it('writes a table with a column per value and rewrites it when a column appears', async () => {
    const path = join(tmp(), 'metrics.csv');
    const log = new CsvLogger(path);
    const e = trainer();
    log.attachOutputHandler(e, { eventName: Events.EPOCH_COMPLETED, tag: 'train', metricNames: 'all' });
    await e.run([1, 2], { maxEpochs: 3 });
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    expect(header).toBe('tag,step,epoch,iteration,time,acc,recall[0],recall[1]');
    expect(rows.map((r) => r.split(',').filter((_, i) => i !== 4))).toEqual([
      ['train', '1', '1', '2', '0.25', '', ''],
      ['train', '2', '2', '4', '0.5', '0.5', '1'],
      ['train', '3', '3', '6', '0.75', '0.5', '1'],
    ]);
  });
});
