// The cost of one small op through @dl/core, beside PyTorch's in the same run (issue 11): the
// seed's workloads (a Dataset returning tensors per item, per-sample transforms, RNN cells)
// are made of many ops on a few numbers, where the per-op cost is all there is.
//   add       dl.add of two 4-element tensors          goal <= 1.5 us
//   tensor    dl.tensor([1, 2, 3, 4])                  goal <= 1 us
//   chain     a.mul(2).add(b).relu().sum()             (four ops; sum runs on the backend)
//   grad      x.mul(w).sigmoid(), w requiring grad     (records autograd history)
// Each on the wasm, cpu and (when installed) native backends. PyTorch runs in the same run
// (per-op.torch.py) where /usr/bin/python3 has torch; otherwise issue 11's figures stand in,
// marked as recorded. Run: `npm run bench -- per-op` (`--quick`: fewer rounds). Never in CI.
import * as dl from '@dl/core';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const here = dirname(fileURLToPath(import.meta.url));
type Workload = 'add' | 'tensor' | 'chain' | 'grad';
const WORKLOADS: Workload[] = ['add', 'tensor', 'chain', 'grad'];
/** Issue 11's PyTorch 1.13 figures (quiet machine of this kind), for machines without torch. */
const RECORDED: Partial<Record<Workload, number>> = { add: 1.05, tensor: 1.66 };
const GOALS: Partial<Record<Workload, number>> = { add: 1.5, tensor: 1 };

/** Microseconds per call: median over rounds of `n` calls, after a warm-up. */
async function perCall(fn: () => void, n: number, rounds: number): Promise<number> {
  for (let i = 0; i < n / 10; i++) fn();
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    out.push(((performance.now() - t0) * 1000) / n);
    // Let finalizers free what the round made, as a training loop's awaits do.
    await dl.tick();
  }
  return median(out);
}

async function measure(rounds: number): Promise<Record<Workload, number>> {
  const a = dl.tensor([1, 2, 3, 4]);
  const b = dl.tensor([5, 6, 7, 8]);
  const x = dl.tensor([0.5, -1, 2]);
  const w = dl.tensor([1.5, 2, -0.5], { requiresGrad: true });
  const n = quick ? 20_000 : 100_000;
  return {
    add: await perCall(() => void dl.add(a, b), n, rounds),
    tensor: await perCall(() => void dl.tensor([1, 2, 3, 4]), n, rounds),
    chain: await perCall(() => void a.mul(2).add(b).relu().sum(), n / 4, rounds),
    grad: await perCall(() => void x.mul(w).sigmoid(), n / 2, rounds),
  };
}

function torchSide(rounds: number): { figures: Record<string, number>; measured: boolean; threads: number | null } {
  const r = spawnSync('/usr/bin/python3', [join(here, 'per-op.torch.py'), String(rounds)], { encoding: 'utf8', timeout: 600_000 });
  if (r.status === 0) {
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
    return { figures: j, measured: true, threads: j.threads };
  }
  return { figures: RECORDED as Record<string, number>, measured: false, threads: null };
}

/** One row per workload and backend, for the summary table of `bench/run.ts`. */
export async function main(): Promise<{ workload: string; dl: string; pytorch: string; ratio: string; goal: string }[]> {
  const rounds = quick ? 3 : 7;
  const results: Record<string, Record<Workload, number>> = {};
  // The benches after this one run on the backend @dl/core picked (this one switches).
  const picked = dl.getBackend();
  for (const name of ['native', 'wasm', 'cpu'] as const) {
    try {
      await dl.setBackend(name);
    } catch {
      continue; // @dl/backend-native is not installed (or could not build) here
    }
    results[name] = await measure(rounds);
  }
  await dl.setBackend(picked);
  const torch = torchSide(rounds);
  const mark = torch.measured ? `measured now, ${torch.threads} thread(s)` : 'recorded in issue 11';
  console.log(`per-op cost, us per call (median of ${rounds} rounds); PyTorch ${mark}; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  console.log(`| workload | ${Object.keys(results).join(' | ')} | PyTorch | speed vs PyTorch (best) | goal |`);
  console.log(`|---|${Object.keys(results).map(() => '---|').join('')}---|---|---|`);
  const rows = [];
  for (const wl of WORKLOADS) {
    const ours = Object.values(results).map((r) => r[wl]);
    const best = Math.min(...ours);
    const pt = torch.figures[wl];
    const goal = GOALS[wl];
    const ratio = pt ? `${(pt / best).toFixed(2)}x` : '-';
    const goalText = goal ? `<= ${goal} us: ${best <= goal ? 'met' : 'NOT met'}` : '-';
    console.log(`| ${wl} | ${ours.map((v) => v.toFixed(2)).join(' | ')} | ${pt ? pt.toFixed(2) : '-'} | ${ratio} | ${goalText} |`);
    rows.push({ workload: `per-op ${wl} (us)`, dl: best.toFixed(2), pytorch: pt ? `${pt.toFixed(2)}${torch.measured ? '' : ' (recorded)'}` : '-', ratio, goal: goalText });
  }
  console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
  return rows;
}
