import { ValueError } from '@dl/core';
import { InvertedResidualConfig } from '../mobilenetv3-blocks';

/** Architecture options of `mobilenet_v3_small` and `mobilenet_v3_large`. */
export interface MobileNetV3ArchOptions {
  /** Scales every layer's channel count. @default 1.0 */
  widthMult?: number;
  /** Halve the channels of the last stage (for detection/segmentation backbones). @default false */
  reducedTail?: boolean;
  /** Dilate the last stage instead of striding it. @default false */
  dilated?: boolean;
}

/** @internal The block configs and last channel count of a MobileNetV3 (torchvision's `_mobilenet_v3_conf`). */
export function mobilenetV3Conf(arch: 'mobilenet_v3_large' | 'mobilenet_v3_small', options: MobileNetV3ArchOptions = {}): [InvertedResidualConfig[], number] {
  const widthMult = options.widthMult ?? 1.0;
  const r = options.reducedTail ? 2 : 1;
  const d = options.dilated ? 2 : 1;
  const b = (i: number, k: number, e: number, o: number, se: boolean, act: 'HS' | 'RE', s: number, dil: number) => new InvertedResidualConfig(i, k, e, o, se, act, s, dil, widthMult);
  if (arch === 'mobilenet_v3_large') {
    const setting = [
      b(16, 3, 16, 16, false, 'RE', 1, 1),
      b(16, 3, 64, 24, false, 'RE', 2, 1), // C1
      b(24, 3, 72, 24, false, 'RE', 1, 1),
      b(24, 5, 72, 40, true, 'RE', 2, 1), // C2
      b(40, 5, 120, 40, true, 'RE', 1, 1),
      b(40, 5, 120, 40, true, 'RE', 1, 1),
      b(40, 3, 240, 80, false, 'HS', 2, 1), // C3
      b(80, 3, 200, 80, false, 'HS', 1, 1),
      b(80, 3, 184, 80, false, 'HS', 1, 1),
      b(80, 3, 184, 80, false, 'HS', 1, 1),
      b(80, 3, 480, 112, true, 'HS', 1, 1),
      b(112, 3, 672, 112, true, 'HS', 1, 1),
      b(112, 5, 672, 160 / r, true, 'HS', 2, d), // C4
      b(160 / r, 5, 960 / r, 160 / r, true, 'HS', 1, d),
      b(160 / r, 5, 960 / r, 160 / r, true, 'HS', 1, d),
    ];
    return [setting, InvertedResidualConfig.adjustChannels(1280 / r, widthMult)]; // C5
  }
  if (arch === 'mobilenet_v3_small') {
    const setting = [
      b(16, 3, 16, 16, true, 'RE', 2, 1), // C1
      b(16, 3, 72, 24, false, 'RE', 2, 1), // C2
      b(24, 3, 88, 24, false, 'RE', 1, 1),
      b(24, 5, 96, 40, true, 'HS', 2, 1), // C3
      b(40, 5, 240, 40, true, 'HS', 1, 1),
      b(40, 5, 240, 40, true, 'HS', 1, 1),
      b(40, 5, 120, 48, true, 'HS', 1, 1),
      b(48, 5, 144, 48, true, 'HS', 1, 1),
      b(48, 5, 288, 96 / r, true, 'HS', 2, d), // C4
      b(96 / r, 5, 576 / r, 96 / r, true, 'HS', 1, d),
      b(96 / r, 5, 576 / r, 96 / r, true, 'HS', 1, d),
    ];
    return [setting, InvertedResidualConfig.adjustChannels(1024 / r, widthMult)]; // C5
  }
  throw new ValueError(`mobilenetV3Conf: unsupported model type ${String(arch)}`);
}
