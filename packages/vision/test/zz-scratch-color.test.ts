import { it } from 'vitest';
import { adjustBrightness } from '../src/transforms/functional/adjust-brightness';
import { adjustContrast } from '../src/transforms/functional/adjust-contrast';
import { adjustSaturation } from '../src/transforms/functional/adjust-saturation';
import { adjustSharpness } from '../src/transforms/functional/adjust-sharpness';
import { adjustHue } from '../src/transforms/functional/adjust-hue';
import { adjustGamma } from '../src/transforms/functional/adjust-gamma';
import { rgbToGrayscale } from '../src/transforms/functional/rgb-to-grayscale';
import { invert } from '../src/transforms/functional/invert';
import { posterize } from '../src/transforms/functional/posterize';
import { solarize } from '../src/transforms/functional/solarize';
import { autocontrast } from '../src/transforms/functional/autocontrast';
import { equalize } from '../src/transforms/functional/equalize';
import { gaussianBlur } from '../src/transforms/functional/gaussian-blur';
const F = { adjustBrightness, adjustContrast, adjustSaturation, adjustSharpness, adjustHue, adjustGamma, rgbToGrayscale, invert, posterize, solarize, autocontrast, equalize, gaussianBlur };
import { colorFixture, diff, floatOf, imageOf, referenceFixture, tensorOf } from './support/color-fixtures';
import type { Image } from '../src/image/image';
import type { Tensor } from '@dl/core';

const ops: Record<string, (x: any, ...a: any[]) => any> = {
  adjust_brightness: F.adjustBrightness, adjust_contrast: F.adjustContrast, adjust_saturation: F.adjustSaturation,
  adjust_sharpness: F.adjustSharpness, adjust_hue: F.adjustHue, adjust_gamma: F.adjustGamma, rgb_to_grayscale: F.rgbToGrayscale,
  invert: F.invert, posterize: F.posterize, solarize: F.solarize, autocontrast: F.autocontrast, equalize: F.equalize,
  gaussian_blur: (x: any, k: any, s: any) => F.gaussianBlur(x, k, s ?? undefined),
};
const files = ['color_adjust_brightness','color_adjust_contrast','color_adjust_saturation','color_adjust_sharpness','color_adjust_hue','color_adjust_gamma','color_rgb_to_grayscale','color_invert','color_posterize','color_solarize','color_solarize_float','color_autocontrast','color_equalize','color_gaussian_blur','color_adjust_hue_palette','color_adjust_gamma_ramp'];
it("scratch", () => { let count = 0;
  const lines: string[] = [];
  for (const f of files) {
    const fx = colorFixture(f);
    const fn = ops[fx.op]!;
    const inputs: Record<string, Image | Tensor> = {};
    for (const [k, a] of Object.entries(fx.inputs)) inputs[k] = a.dtype === 'uint8' && (k === 'rgb' || k === 'l' || k === 'rgba' || k === 'narrow') ? imageOf(a) : tensorOf(a);
    if (fx.inputs.u8) inputs.f32 = floatOf(fx.inputs.u8);
    for (const [key, exp] of Object.entries(fx.expected)) {
      const [name, idx] = [key.slice(0, key.lastIndexOf('_')), Number(key.slice(key.lastIndexOf('_') + 1))];
      const args = fx.params.cases![idx]!;
      try {
        const out = fn(inputs[name]!, ...args);
        const data = 'data' in out && out.data instanceof Uint8Array ? out.data : (out as Tensor).dataSync();
        const d = diff(data, exp.data, 0); count++;
        if (d.over) lines.push(`${f} ${key} args=${JSON.stringify(args)} max=${d.max} over=${d.over}/${exp.data.length}`);
      } catch (e) { lines.push(`${f} ${key} ERROR ${(e as Error).message}`); }
    }
  }
  for (const r of ['vision_adjust_brightness','vision_adjust_contrast','vision_adjust_saturation','vision_adjust_hue']) {
    const fx = referenceFixture(r);
    const out = ops[fx.op]!(imageOf(fx.inputs.image_hwc_uint8!), fx.params.factor);
    const d = diff(out.data, fx.expected.y!.data);
    lines.push(`${r} max=${d.max} over=${d.over}`);
  }
  lines.push(`compared ${count}`);
  console.log(lines.join('\n'));
});
