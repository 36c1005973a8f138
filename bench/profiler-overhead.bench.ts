// What @dl/profiler costs on a training step: the MLP 784-128-10, batch 64, SGD with momentum,
// run plain and under the profiler in alternating rounds (machine noise hits every side alike).
// PyTorch 1.13's autograd profiler slows this same step about 8.8x on this kind of machine; the
// goal here is at most 1.5x, and no cost at all once the profiler has stopped.
// Run: `npm run bench -- profiler-overhead` at the repository root (`--quick`: fewer rounds).
import * as dl from '@dl/core';
import { Profiler, type ProfilerOptions } from '@dl/profiler';
import { availableParallelism, loadavg } from 'node:os';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const PYTORCH_PROFILER_SLOWDOWN = 8.8;
const GOAL = 1.5;

interface Config {
  name: string;
  /** Profiler options, or null for plain steps. */
  options: ProfilerOptions | null;
}

const CONFIGS: Config[] = [
  { name: 'no profiler', options: null },
  { name: 'profiler: ops + tfjs kernels (default)', options: {} },
  { name: 'profiler: ops only (withKernels: false)', options: { withKernels: false } },
  { name: 'profiler: + recordShapes + profileMemory', options: { recordShapes: true, profileMemory: true } },
  { name: 'profiler: + withStack', options: { withStack: true } },
];

function trainStep(): () => void {
  dl.manualSeed(0);
  const { nn, optim } = dl;
  const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
  const opt = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  const lossFn = new nn.CrossEntropyLoss();
  const x = dl.randn([64, 784]);
  const y = dl.randint(0, 10, [64]);
  return () =>
    dl.scope(() => {
      opt.zeroGrad();
      const loss = lossFn.forward(model.forward(x), y);
      loss.backward();
      opt.step();
      loss.item();
    });
}

/** Milliseconds per step over `steps` steps, under a profiler with `options` (started and stopped outside the timing). */
function timeSteps(step: () => void, steps: number, options: ProfilerOptions | null): { ms: number; events: number } {
  const prof = options === null ? null : new Profiler(options).start();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  const ms = (performance.now() - t0) / steps;
  prof?.stop();
  return { ms, events: prof ? prof.events().length / steps : 0 };
}

export async function main(): Promise<void> {
  const backends = (process.env.DL_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
  const rounds = Number(process.env.DL_BENCH_ROUNDS ?? (quick ? 5 : 15));
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  for (const backend of backends) {
    await dl.setBackend(backend);
    const steps = backend === 'cpu' ? 5 : 20;
    const step = trainStep();
    for (let i = 0; i < 5; i++) step();
    const times = CONFIGS.map(() => [] as number[]);
    const ratios = CONFIGS.map(() => [] as number[]);
    const events = CONFIGS.map(() => 0);
    const after: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let base = 0;
      CONFIGS.forEach((c, i) => {
        const t = timeSteps(step, steps, c.options);
        if (i === 0) base = t.ms;
        times[i].push(t.ms);
        ratios[i].push(t.ms / base);
        events[i] = t.events;
      });
      // Right after a profiler stopped: every hook is gone, so this is the plain step again.
      after.push(timeSteps(step, steps, null).ms / base);
    }
    console.log(`\nbackend ${dl.getBackend()}: MLP 784-128-10, batch 64, SGD momentum; median over ${rounds} alternating rounds of ${steps} steps`);
    console.log(`${'configuration'.padEnd(44)}${'ms/step'.padStart(10)}${'ratio'.padStart(9)}${'events/step'.padStart(13)}`);
    CONFIGS.forEach((c, i) => {
      const ratio = median(ratios[i]);
      console.log(`${c.name.padEnd(44)}${median(times[i]).toFixed(3).padStart(10)}${`${ratio.toFixed(2)}x`.padStart(9)}${(c.options ? String(events[i]) : '-').padStart(13)}`);
    });
    console.log(`${'no profiler, after a profiler stopped'.padEnd(44)}${''.padStart(10)}${`${median(after).toFixed(2)}x`.padStart(9)}`);
    console.log(`PyTorch 1.13's profiler on the same step: ${PYTORCH_PROFILER_SLOWDOWN}x; goal: at most ${GOAL}x (default configuration: ${median(ratios[1]).toFixed(2)}x)`);
  }
}
