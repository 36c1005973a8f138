import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as dl from '@dl/core';
import { Image } from '../src/image/image';
import { gaussianBlur } from '../src/transforms/functional/gaussian-blur';
import { gaussianKernel1d } from '../src/transforms/functional/internal/color-gaussian';
it('px', () => {
  const d = JSON.parse(readFileSync('/tmp/colorbig/big.json', 'utf8'));
  const { H, W } = d.inputs;
  const l = new Image(W, H, 'L', Uint8Array.from(d.inputs.rgb.filter((_: number, i: number) => i % 3 === 0)));
  for (const c of d.cases) {
    if (c.op !== 'gaussian_blur' || c.input !== 'l') continue;
    const out = gaussianBlur(l, c.args[0], c.args[1] ?? undefined);
    for (let i = 0; i < c.data.length; i++) if (out.data[i] !== c.data[i]) console.log(c.args, 'pixel', i, 'y', Math.floor(i / W), 'x', i % W, 'mine', out.data[i], 'torch', c.data[i]);
  }
  console.log(Array.from(gaussianKernel1d(7, 7 * 0.15 + 0.35)).map((v) => v.toPrecision(9)).join(' '));
  console.log(Array.from(gaussianKernel1d(11, 4)).map((v) => v.toPrecision(9)).join(' '));
});
