// ignite 0.4.13's own event order and terminate() behaviour (test/fixtures/ignite_reference.json).
import { describe, expect, it } from 'vitest';
import { loadIgniteReference } from '../../test/support/reference';
import { Engine } from './engine';
import { Events } from './events';

const ref = loadIgniteReference();

describe('Engine event order (ignite reference)', () => {
  it('fires every event, with filters, in ignite order when run over [1, 2, 3] for 2 epochs', async () => {
    const log: unknown[][] = [];
    const e = new Engine((_engine, batch: number) => batch * 10);
    for (const ev of [
      Events.STARTED,
      Events.EPOCH_STARTED,
      Events.GET_BATCH_STARTED,
      Events.GET_BATCH_COMPLETED,
      Events.ITERATION_STARTED,
      Events.ITERATION_COMPLETED,
      Events.EPOCH_COMPLETED,
      Events.COMPLETED,
    ]) {
      e.addEventHandler(ev, (eng) => void log.push([ev.name, eng.state.epoch, eng.state.iteration]));
    }
    e.addEventHandler(Events.ITERATION_COMPLETED({ every: 2 }), (eng) => void log.push(['ITERATION_COMPLETED(every=2)', eng.state.epoch, eng.state.iteration, eng.state.output]));
    e.addEventHandler(Events.ITERATION_COMPLETED({ once: 4 }), (eng) => void log.push(['ITERATION_COMPLETED(once=4)', eng.state.epoch, eng.state.iteration]));
    e.addEventHandler(Events.EPOCH_COMPLETED({ before: 2 }), (eng) => void log.push(['EPOCH_COMPLETED(before=2)', eng.state.epoch, eng.state.iteration]));
    await e.run(ref.event_order.data, { maxEpochs: ref.event_order.max_epochs });
    expect(log).toEqual(ref.event_order.log);
  });

  it('stops after terminate(): TERMINATE then COMPLETED, no EPOCH_COMPLETED for the cut epoch', async () => {
    const log: unknown[][] = [];
    const e = new Engine((_engine, batch: number) => batch);
    e.on(Events.ITERATION_COMPLETED, (eng) => {
      log.push(['ITERATION_COMPLETED', eng.state.epoch, eng.state.iteration]);
      if (eng.state.iteration === ref.terminate.terminate_at_iteration) eng.terminate();
    });
    e.on(Events.EPOCH_COMPLETED, (eng) => void log.push(['EPOCH_COMPLETED', eng.state.epoch, eng.state.iteration]));
    e.on(Events.TERMINATE, (eng) => void log.push(['TERMINATE', eng.state.epoch, eng.state.iteration]));
    e.on(Events.COMPLETED, (eng) => void log.push(['COMPLETED', eng.state.epoch, eng.state.iteration]));
    await e.run(ref.terminate.data, { maxEpochs: ref.terminate.max_epochs });
    expect(log).toEqual(ref.terminate.log);
  });
});
