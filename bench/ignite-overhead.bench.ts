// The cost of @dl/ignite's Engine itself: a no-op process function over 20,000 items, one epoch,
// no handlers. PyTorch anchor: ignite 0.4.13 on PyTorch 1.13 runs this at about 244,000
// iterations/s on this kind of machine. Goal: at least 10x that.
// Last run (2 cores shared with other jobs, load average ~9): no handlers 16.6M iterations/s
// (68x ignite), with a filtered and an epoch handler 10.7M (44x).
import { Engine, Events } from '@dl/ignite';
import { median } from './stats.ts';

const IGNITE_ITERS_PER_SEC = 244_000;
const N = 20_000;

async function itersPerSec(engine: Engine<number, null>, data: number[], rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await engine.run(data, { maxEpochs: 1 });
    out.push(N / ((performance.now() - t0) / 1000));
  }
  return out;
}

export async function main(): Promise<void> {
  const rounds = Number(process.env.DL_BENCH_ROUNDS ?? 15);
  const data = Array.from({ length: N }, (_, i) => i);
  const bare = new Engine<number, null>(() => null);
  await itersPerSec(bare, data, 3);
  const bareRate = median(await itersPerSec(bare, data, rounds));

  // The same with the handlers a training run typically has (a filtered logger, an epoch handler).
  const typical = new Engine<number, null>(() => null);
  let seen = 0;
  typical.on(Events.ITERATION_COMPLETED({ every: 100 }), () => void seen++);
  typical.on(Events.EPOCH_COMPLETED, () => void seen++);
  await itersPerSec(typical, data, 3);
  const typicalRate = median(await itersPerSec(typical, data, rounds));

  console.log(`median over ${rounds} runs of ${N.toLocaleString()} iterations (no-op process function)`);
  console.log('case'.padEnd(34), 'iterations/s'.padStart(14), 'vs ignite'.padStart(10));
  for (const [name, rate] of [
    ['Engine, no handlers', bareRate],
    ['Engine, filtered + epoch handler', typicalRate],
  ] as const) {
    console.log(name.padEnd(34), Math.round(rate).toLocaleString().padStart(14), `${(rate / IGNITE_ITERS_PER_SEC).toFixed(1)}x`.padStart(10));
  }
  console.log(`PyTorch anchor: ignite 0.4.13 ${IGNITE_ITERS_PER_SEC.toLocaleString()} iterations/s; goal >= 10x (${(10 * IGNITE_ITERS_PER_SEC).toLocaleString()})`);
}
