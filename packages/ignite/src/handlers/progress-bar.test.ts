import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { ProgressBar } from './progress-bar';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 100, write: (t: string) => void chunks.push(t) };
}

describe('ProgressBar', () => {
  it('redraws a bar in place on a TTY, with counts, percentage, values and times', async () => {
    const stream = fakeStream(true);
    const e = new Engine((_e, b: number) => b / 10);
    e.on(Events.EPOCH_COMPLETED, (eng) => void (eng.state.metrics.acc = 0.5));
    const pbar = new ProgressBar({ stream, minInterval: 0, persist: true });
    pbar.attach(e, { outputTransform: (x) => ({ loss: x as number }), metricNames: ['acc'] });
    await e.run([1, 2, 3, 4], { maxEpochs: 2 });
    const text = stream.chunks.join('');
    expect(text).toContain('\r\x1b[KEpoch [1/2]: [1/4]  25%|');
    expect(text).toMatch(/Epoch \[2\/2\]: \[4\/4\] 100%\|█+\|, acc=0\.5000, loss=0\.4000 \[\d\d:\d\d<\d\d:\d\d/);
    expect(stream.chunks.filter((c) => c === '\n')).toHaveLength(2);
  });

  it('clears the bar at the epoch end unless persist, and prints messages above it', async () => {
    const stream = fakeStream(true);
    const e = new Engine(() => null);
    const pbar = new ProgressBar({ stream, minInterval: 0 });
    pbar.attach(e);
    e.on(Events.ITERATION_COMPLETED({ once: 1 }), () => pbar.logMessage('hello'));
    await e.run([1, 2]);
    const text = stream.chunks.join('');
    expect(text).toContain('\r\x1b[Khello\nIteration: [1/2]');
    expect(stream.chunks[stream.chunks.length - 1]).toBe('\r\x1b[K');
  });

  it('writes plain lines at each epoch end when not on a TTY', async () => {
    const stream = fakeStream(false);
    const e = new Engine(() => null);
    new ProgressBar({ stream }).attach(e, { stateAttributes: ['iteration'] });
    await e.run([1, 2, 3], { maxEpochs: 2 });
    const lines = stream.chunks.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Epoch \[1\/2\]: \[3\/3\] 100%, iteration=3 \[/);
    expect(lines[1]).toMatch(/^Epoch \[2\/2\]: \[3\/3\] 100%, iteration=6 \[/);
    expect(stream.chunks.join('')).not.toContain('\x1b');
  });

  it('rejects bad options with ValueError', () => {
    const e = new Engine(() => null);
    expect(() => new ProgressBar({ stream: {} as never })).toThrow('ProgressBar: stream should have a write(text) method');
    expect(() => new ProgressBar({ stream: fakeStream(false) }).attach(e, { metricNames: 'some' as never })).toThrow(`ProgressBar.attach: metricNames should be a list of names or 'all', got "some"`);
  });
});
