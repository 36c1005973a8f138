import { models } from '@dl/vision';
import { join } from 'node:path';

/** Options of {@link loadResNet18}. */
export interface LoadResNet18Options {
  /** Try the ImageNet weights (false: random weights, no download). @default true */
  pretrained?: boolean;
  /** Fetch the weights from here instead of torchvision's URL (a mirror; the tests' local server). @default ResNet18_Weights.IMAGENET1K_V1.url */
  weightsUrl?: string;
  /** Give up on the download after this many milliseconds without data (one retry). @default 10000 */
  timeout?: number;
  /** Show the download's progress on stderr. @default true */
  progress?: boolean;
}

/** What {@link loadResNet18} built. */
export interface LoadedResNet18 {
  /** The resnet18 with its ImageNet head (1000 classes). */
  model: models.ResNet;
  /** Whether the ImageNet weights were loaded (false: random weights). */
  pretrained: boolean;
  /** The weights entry tried (its `url` is where they come from). */
  weights: models.Weights;
  /** Where the weights file is cached (or should be put by hand). */
  cachePath: string;
  /** Why the weights were not loaded, with what to do about it; null when they were (or were not asked for). */
  note: string | null;
}

/**
 * Builds torchvision's resnet18 with its ImageNet weights (`ResNet18_Weights.IMAGENET1K_V1`,
 * through the hub cache) when they can be had, else with random weights (from the current
 * @dl/core seed) and a note that says why and where to put the file by hand.
 *
 * The download goes first, with a short timeout (`resnet18({ weights })` itself waits up to 30 s
 * per attempt and retries three times); then `resnet18({ weights })` loads the cached file. A
 * file that is in the cache but does not load (not a resnet18 state dict) is an error, not a
 * fallback.
 *
 * @example
 * ```ts
 * dl.manualSeed(0);
 * const { model, pretrained, note } = await loadResNet18();
 * if (note) console.log(note);
 * ```
 */
export async function loadResNet18(options: LoadResNet18Options = {}): Promise<LoadedResNet18> {
  const { pretrained = true, timeout = 10_000, progress = true } = options;
  const official = models.ResNet18_Weights.IMAGENET1K_V1;
  const weights = options.weightsUrl === undefined ? official : official.withUrl(options.weightsUrl);
  const fileName = new URL(weights.url).pathname.split('/').pop() ?? '';
  const checkpoints = join(models.getHubDir(), 'checkpoints');
  const cachePath = join(checkpoints, fileName);
  if (!pretrained) return { model: await models.resnet18(), pretrained: false, weights, cachePath, note: null };

  try {
    await models.cachedFileFromUrl(weights.url, {
      checkHash: weights.checkHash,
      progress,
      download: { timeout, retries: 1, retryDelay: 500 },
    });
  } catch (error) {
    const note = [
      `Note: the pretrained ImageNet weights (${weights}) could not be downloaded, so resnet18 starts from seeded RANDOM weights.`,
      `  (${(error as Error).message.split('\n')[0]})`,
      `  To fine-tune the real weights, download ${weights.url}`,
      `  and put ${fileName} into ${checkpoints}/ (set DL_HOME to move that folder), then run again.`,
    ].join('\n');
    return { model: await models.resnet18(), pretrained: false, weights, cachePath, note };
  }
  return { model: await models.resnet18({ weights, progress }), pretrained: true, weights, cachePath, note: null };
}
