import { Image } from '../src/image/image';
import { resize } from '../src/transforms/functional/resize';
import { resizedCrop } from '../src/transforms/functional/resized-crop';

const img = new Image(320, 240, 'RGB', Uint8Array.from({ length: 320 * 240 * 3 }, (_, i) => (i * 2654435761) >>> 24));
const crop200 = new Image(200, 200, 'RGB', img.data.slice(0, 200 * 200 * 3));
function time(name: string, fn: () => unknown) {
  for (let i = 0; i < 50; i++) fn();
  let best = Infinity;
  for (let b = 0; b < 20; b++) {
    const t0 = performance.now();
    for (let i = 0; i < 25; i++) fn();
    best = Math.min(best, (performance.now() - t0) / 25);
  }
  console.log(name, best.toFixed(3), 'ms (best batch of 25)');
}
time('resize 200x200 -> 224x224 bilinear', () => resize(crop200, [224, 224]));
time('resize 200x200 -> 224x224 bicubic', () => resize(crop200, [224, 224], { interpolation: 'bicubic' }));
time('resize 320x240 -> 224x224 bilinear (down/up)', () => resize(img, [224, 224]));
time('resize 320x240 -> 112x112 lanczos', () => resize(img, [112, 112], { interpolation: 'lanczos' }));
time('resizedCrop 150x180 @ (10,20) -> 224 bilinear', () => resizedCrop(img, 10, 20, 150, 180, [224, 224]));
time('resize 200x200 -> 224x224 nearest', () => resize(crop200, [224, 224], { interpolation: 'nearest' }));
