import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gaussianKernel1d } from '../src/transforms/functional/internal/color-gaussian';
import { torchExpF32, torchSumF32 } from '../src/transforms/functional/internal/color-torch-float';
it('kern', () => {
  const d = JSON.parse(readFileSync('/tmp/scratch/kernels.json', 'utf8'));
  let bad = 0;
  for (const c of d.kernels) {
    const k = gaussianKernel1d(c.k, c.sigma);
    const e = c.kernel.map(Number).map(Math.fround);
    if (k.some((v, i) => v !== e[i])) { bad++; if (bad < 5) console.log('kernel', c.k, c.sigma); }
  }
  let eb = 0;
  d.exp_in.forEach((x: string, i: number) => { if (torchExpF32(Math.fround(Number(x))) !== Math.fround(Number(d.exp_out[i]))) { eb++; if (eb < 5) console.log('exp', x, torchExpF32(Math.fround(Number(x))), d.exp_out[i]); } });
  let sb = 0;
  for (const s of d.sums) { const v = torchSumF32(Float32Array.from(s.x.map(Number))); if (v !== Math.fround(Number(s.s))) { sb++; console.log('sum n', s.x.length, v, s.s); } }
  console.log(`kernels bad ${bad}/${d.kernels.length}, exp bad ${eb}/${d.exp_in.length}, sums bad ${sb}/${d.sums.length}`);
});
