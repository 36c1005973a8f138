import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { setEngineEventRecorder } from './event-hooks';
import { Events } from './events';

function record(): string[] {
  const log: string[] = [];
  setEngineEventRecorder({
    beginEvent: (_e, event) => {
      log.push(`begin ${event}`);
      return event;
    },
    endEvent: (token) => void log.push(`end ${String(token)}`),
    beginHandler: (_e, _event, handler, filtered) => {
      const name = `${(handler as { name: string }).name}${filtered ? ' (filtered)' : ''}`;
      log.push(`  run ${name}`);
      return name;
    },
    endHandler: (token) => void log.push(`  done ${String(token)}`),
  });
  return log;
}

describe('setEngineEventRecorder', () => {
  afterEach(() => setEngineEventRecorder(null));

  it('brackets every event and each handler, in firing order', async () => {
    const log = record();
    const e = new Engine((_e, b: number) => b);
    e.on(Events.ITERATION_COMPLETED, function first() {});
    e.on(Events.ITERATION_COMPLETED({ every: 2 }), function second() {});
    await e.run([1, 2], { maxEpochs: 1 });
    const iter = log.slice(log.indexOf('begin ITERATION_COMPLETED'), log.indexOf('end ITERATION_COMPLETED') + 1);
    expect(iter).toEqual(['begin ITERATION_COMPLETED', '  run first', '  done first', '  run second (filtered)', '  done second (filtered)', 'end ITERATION_COMPLETED']);
    expect(log.filter((l) => l.startsWith('begin')).map((l) => l.slice(6))).toEqual([
      'STARTED',
      'EPOCH_STARTED',
      'GET_BATCH_STARTED',
      'GET_BATCH_COMPLETED',
      'ITERATION_STARTED',
      'ITERATION_COMPLETED',
      'GET_BATCH_STARTED',
      'GET_BATCH_COMPLETED',
      'ITERATION_STARTED',
      'ITERATION_COMPLETED',
      'EPOCH_COMPLETED',
      'COMPLETED',
    ]);
  });

  it('waits for async handlers and ends the event when a handler throws', async () => {
    const log = record();
    const e = new Engine((_e, b: number) => b);
    const order: string[] = [];
    e.on(Events.EPOCH_COMPLETED, async function slow() {
      await new Promise((r) => setTimeout(r, 5));
      order.push('slow');
    });
    e.on(Events.EPOCH_COMPLETED, function after() {
      order.push('after');
    });
    e.on(Events.COMPLETED, function broken() {
      throw new Error('handler failed');
    });
    await expect(e.run([1], { maxEpochs: 1 })).rejects.toThrow('handler failed');
    expect(order).toEqual(['slow', 'after']);
    const epoch = log.slice(log.indexOf('begin EPOCH_COMPLETED'), log.indexOf('end EPOCH_COMPLETED') + 1);
    expect(epoch).toEqual(['begin EPOCH_COMPLETED', '  run slow', '  done slow', '  run after', '  done after', 'end EPOCH_COMPLETED']);
    expect(log.slice(log.indexOf('begin COMPLETED'))).toEqual(['begin COMPLETED', '  run broken', '  done broken', 'end COMPLETED']);
  });

  it('calls nothing once removed', async () => {
    const log = record();
    setEngineEventRecorder(null);
    await new Engine((_e, b: number) => b).run([1], { maxEpochs: 1 });
    expect(log).toEqual([]);
  });
});
