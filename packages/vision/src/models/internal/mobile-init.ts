import { nn } from '@dl/core';

/**
 * @internal The initialisation MobileNetV2/V3 and EfficientNet end their constructors with:
 * convolutions Kaiming-normal (fan out) with zero bias, BatchNorm/GroupNorm scale 1 and shift 0,
 * Linear layers N(0, 0.01) (`'normal'`, MobileNet) or U(-1/sqrt(out), 1/sqrt(out))
 * (`'uniform'`, EfficientNet), with zero bias.
 */
export function initMobileWeights(model: nn.Module, linear: 'normal' | 'uniform'): void {
  for (const m of model.modules()) {
    if (m instanceof nn.Conv2d) {
      nn.init.kaimingNormal_(m.weight, { mode: 'fanOut' });
      if (m.bias) nn.init.zeros_(m.bias);
    } else if (m instanceof nn.BatchNorm2d || m instanceof nn.GroupNorm) {
      if (m.weight) nn.init.ones_(m.weight);
      if (m.bias) nn.init.zeros_(m.bias);
    } else if (m instanceof nn.Linear) {
      if (linear === 'normal') nn.init.normal_(m.weight, { mean: 0, std: 0.01 });
      else {
        const range = 1 / Math.sqrt(m.outFeatures);
        nn.init.uniform_(m.weight, { a: -range, b: range });
      }
      if (m.bias) nn.init.zeros_(m.bias);
    }
  }
}
