import { it } from 'vitest';
import type { Tensor } from '@dl/core';
import { readdirSync } from 'node:fs';
import { Image } from '../src/image/image';
import { compare, geometryFixtures, inputImage, fixtureTensor, imageShape, referenceFixture, type GeometryFixture } from './geometry-fixtures';
import { resize } from '../src/transforms/functional/resize';
import { crop } from '../src/transforms/functional/crop';
import { centerCrop } from '../src/transforms/functional/center-crop';
import { resizedCrop } from '../src/transforms/functional/resized-crop';
import { pad } from '../src/transforms/functional/pad';
import { hflip } from '../src/transforms/functional/hflip';
import { vflip } from '../src/transforms/functional/vflip';
import { rotate } from '../src/transforms/functional/rotate';
import { affine } from '../src/transforms/functional/affine';
import { perspective } from '../src/transforms/functional/perspective';
import { fiveCrop } from '../src/transforms/functional/five-crop';
import { tenCrop } from '../src/transforms/functional/ten-crop';

// biome-ignore lint: scratch
function run(f: GeometryFixture, x: any): any {
  const p = f.params as any;
  switch (f.op) {
    case 'resize': return resize(x, p.size, { interpolation: p.interpolation, maxSize: p.maxSize, antialias: p.antialias });
    case 'resized_crop': return resizedCrop(x, p.top, p.left, p.height, p.width, p.size, { interpolation: p.interpolation, antialias: p.antialias });
    case 'crop': return crop(x, p.top, p.left, p.height, p.width);
    case 'center_crop': return centerCrop(x, p.size);
    case 'pad': return pad(x, p.padding, { fill: p.fill, paddingMode: p.paddingMode ?? p.padding_mode });
    case 'pad_constant': return pad(x, p.padding, { fill: p.fill });
    case 'pad_reflect': return pad(x, p.padding, { paddingMode: 'reflect' });
    case 'hflip': return hflip(x);
    case 'vflip': return vflip(x);
    case 'rotate': return rotate(x, p.angle, { interpolation: p.interpolation, expand: p.expand, center: p.center, fill: p.fill });
    case 'rotate_nearest': return rotate(x, p.angle);
    case 'resize_bilinear': case 'resize_nearest': case 'resize_short_side': return resize(x, p.size, { interpolation: p.interpolation });
    case 'affine': return affine(x, { angle: p.angle, translate: p.translate, scale: p.scale, shear: p.shear, interpolation: p.interpolation, fill: p.fill, center: p.center });
    case 'perspective': return perspective(x, p.startpoints, p.endpoints, { interpolation: p.interpolation, fill: p.fill });
    case 'five_crop': return fiveCrop(x, p.size);
    case 'ten_crop': return tenCrop(x, p.size, p.verticalFlip);
  }
  throw new Error(f.op);
}

it('scratch', () => {
  const lines: string[] = [];
  const all = [...geometryFixtures('pil_'), ...geometryFixtures('tensor_'), ...['vision_resize_bilinear', 'vision_resize_short_side', 'vision_resize_nearest', 'vision_center_crop', 'vision_crop', 'vision_pad_constant', 'vision_pad_reflect', 'vision_hflip', 'vision_vflip', 'vision_resized_crop', 'vision_rotate_nearest'].map(referenceFixture)];
  for (const f of all) {
    const isTensor = f.name.startsWith('tensor_');
    const x = isTensor ? fixtureTensor(f.inputs.x!) : inputImage(f);
    let y: any;
    try { y = run(f, x); } catch (e) { lines.push(`${f.name}: THROW ${(e as Error).message}`); continue; }
    const ys = Array.isArray(y) ? y : [y];
    const keys = Object.keys(f.expected);
    let worst = { mismatches: 0, maxDiff: 0 }; let shapeBad = '';
    ys.forEach((yi: any, i: number) => {
      const e = f.expected[keys[i]!]!;
      const shape = yi instanceof Image ? imageShape(yi) : (yi as Tensor).shape;
      if (JSON.stringify(shape) !== JSON.stringify(e.shape)) shapeBad += ` shape ${JSON.stringify(shape)} vs ${JSON.stringify(e.shape)}`;
      const data = yi instanceof Image ? yi.data : (yi as Tensor).dataSync();
      const r = compare(data, e, isTensor && e.dtype === 'float32' ? 1e-5 : 0);
      worst = { mismatches: worst.mismatches + r.mismatches, maxDiff: Math.max(worst.maxDiff, r.maxDiff) };
    });
    if (worst.mismatches || shapeBad) lines.push(`${f.name}: mismatches=${worst.mismatches} max=${worst.maxDiff}${shapeBad}`);
  }
  console.log(`${all.length} fixtures\n` + lines.join('\n'));
});
