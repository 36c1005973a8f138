import { afterEach, describe, expect, it } from 'vitest';
import { tensor } from '../../ops/creation/index';
import { TensorDataset } from '../tensor-dataset';
import { DataLoader } from './data-loader';
import { setDataLoaderRecorder, timeLoaderWaits, timeLoaderWaitsSync } from './loader-hooks';

function recorder() {
  const calls: string[] = [];
  let open = 0;
  setDataLoaderRecorder({
    begin: (name) => {
      calls.push(`begin ${name}`);
      return ++open;
    },
    end: (token) => void calls.push(`end ${String(token)}`),
  });
  return calls;
}

describe('setDataLoaderRecorder', () => {
  afterEach(() => setDataLoaderRecorder(null));

  it('times every wait for a batch, the last one included', async () => {
    const calls = recorder();
    const loader = new DataLoader(new TensorDataset(tensor([[1], [2], [3]])), { batchSize: 2 });
    let batches = 0;
    for await (const b of loader) {
      void b;
      batches++;
    }
    expect(batches).toBe(2);
    expect(calls).toEqual(['begin DataLoader.next', 'end 1', 'begin DataLoader.next', 'end 2', 'begin DataLoader.next', 'end 3']);
  });

  it('times synchronous iteration', () => {
    const calls = recorder();
    const loader = new DataLoader(new TensorDataset(tensor([[1], [2], [3]])), { batchSize: 3 });
    for (const b of loader) void b;
    expect(calls).toEqual(['begin DataLoader.next', 'end 1', 'begin DataLoader.next', 'end 2']);
  });

  it('ends the range when the source throws, and closes the source on an early break', async () => {
    const calls = recorder();
    let closed = false;
    async function* failing() {
      yield 1;
      throw new Error('bad batch');
    }
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const v of timeLoaderWaits(failing())) seen.push(v);
      })(),
    ).rejects.toThrow('bad batch');
    expect(seen).toEqual([1]);
    expect(calls).toEqual(['begin DataLoader.next', 'end 1', 'begin DataLoader.next', 'end 2']);
    for await (const v of timeLoaderWaits(endless())) if (v === 2) break;
    expect(closed).toBe(true);
    let syncClosed = false;
    function* endlessSync() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        syncClosed = true;
      }
    }
    for (const v of timeLoaderWaitsSync(endlessSync())) if (v === 1) break;
    expect(syncClosed).toBe(true);
  });

  it('calls nothing once removed', async () => {
    const calls = recorder();
    setDataLoaderRecorder(null);
    for await (const b of new DataLoader([1, 2, 3], { batchSize: 2 })) void b;
    expect(calls).toEqual([]);
  });
});
