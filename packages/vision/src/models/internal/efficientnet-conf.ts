import { MBConvConfig } from '../efficientnet-blocks';

/** @internal EfficientNet-B0..B7's stage configs for a width and depth multiplier (torchvision's `_efficientnet_conf`). */
export function efficientnetBConf(widthMult: number, depthMult: number): MBConvConfig[] {
  const b = (t: number, k: number, s: number, i: number, o: number, n: number) => new MBConvConfig(t, k, s, i, o, n, widthMult, depthMult);
  return [b(1, 3, 1, 32, 16, 1), b(6, 3, 2, 16, 24, 2), b(6, 5, 2, 24, 40, 2), b(6, 3, 2, 40, 80, 3), b(6, 5, 1, 80, 112, 3), b(6, 5, 2, 112, 192, 4), b(6, 3, 1, 192, 320, 1)];
}
