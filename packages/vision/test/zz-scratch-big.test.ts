import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Image } from '../src/image/image';
import { adjustBrightness } from '../src/transforms/functional/adjust-brightness';
import { adjustContrast } from '../src/transforms/functional/adjust-contrast';
import { adjustSaturation } from '../src/transforms/functional/adjust-saturation';
import { adjustSharpness } from '../src/transforms/functional/adjust-sharpness';
import { adjustHue } from '../src/transforms/functional/adjust-hue';
import { adjustGamma } from '../src/transforms/functional/adjust-gamma';
import { gaussianBlur } from '../src/transforms/functional/gaussian-blur';
import { autocontrast } from '../src/transforms/functional/autocontrast';
import { equalize } from '../src/transforms/functional/equalize';
const ops: Record<string, (x: any, ...a: any[]) => Image> = { adjust_brightness: adjustBrightness, adjust_contrast: adjustContrast, adjust_saturation: adjustSaturation, adjust_sharpness: adjustSharpness, adjust_hue: adjustHue, adjust_gamma: adjustGamma, gaussian_blur: (x, k, s) => gaussianBlur(x, k, s ?? undefined), autocontrast, equalize };
it('big', () => {
  const d = JSON.parse(readFileSync('/tmp/colorbig/big.json', 'utf8'));
  const { H, W } = d.inputs;
  const rgb = new Image(W, H, 'RGB', Uint8Array.from(d.inputs.rgb));
  const imgs: Record<string, Image> = { rgb, l: new Image(W, H, 'L', Uint8Array.from(d.inputs.rgb.filter((_: number, i: number) => i % 3 === 0))), rgba: new Image(W, H, 'RGBA', Uint8Array.from(d.inputs.rgba)) };
  const lines: string[] = []; let n = 0;
  for (const c of d.cases) {
    const out = ops[c.op]!(imgs[c.input]!, ...c.args);
    let bad = 0, max = 0;
    for (let i = 0; i < c.data.length; i++) { const df = Math.abs(out.data[i]! - c.data[i]); if (df) { bad++; max = Math.max(max, df); } }
    n++;
    if (bad) lines.push(`${c.op} ${JSON.stringify(c.args)} ${c.input}: ${bad} differ, max ${max}`);
  }
  console.log(lines.join('\n') + `\ncases ${n}`);
});
