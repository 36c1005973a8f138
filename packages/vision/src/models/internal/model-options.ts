import { ArgumentTypeError, type nn, scope, ValueError } from '@dl/core';
import type { Weights, WeightsEnumMethods, WeightsKey } from '../weights/weights-enum';

/**
 * What a builder's `weights` option takes: an entry of its enum, the entry's name (`'DEFAULT'`,
 * `'IMAGENET1K_V1'`) or full name (`'ResNet18_Weights.IMAGENET1K_V1'`), or `null` for none.
 */
export type WeightsArg<E> = Weights | WeightsKey<E> | `${string}_Weights.${WeightsKey<E>}` | null;

/** The weights options every model builder takes (torchvision's `weights`, `progress` and legacy `pretrained`). */
export interface ModelWeightsOptions<E> {
  /** The pretrained weights to load, or `null` for random initialisation. @default null */
  weights?: WeightsArg<E>;
  /**
   * @deprecated torchvision < 0.13's switch, kept for ported code: `true` loads the weights
   * torchvision 0.14 substitutes (`IMAGENET1K_V1`), as `weights` would. Use `weights` instead.
   * @default false
   */
  pretrained?: boolean;
  /** Show the weights download's progress on stderr. @default true */
  progress?: boolean;
}

/** {@link ModelWeightsOptions} plus the classifier size. */
export interface ClassifierOptions<E> extends ModelWeightsOptions<E> {
  /** The number of output classes; with weights it must equal their number of categories. @default 1000 */
  numClasses?: number;
}

/**
 * The weights a builder should load: `options.weights` checked against its enum (torchvision's
 * `verify`), or with the legacy `pretrained: true`, `legacy` (torchvision's `IMAGENET1K_V1`).
 *
 * @example
 * ```ts
 * const weights = resolveWeights('resnet18', ResNet18_Weights, options, ResNet18_Weights.IMAGENET1K_V1);
 * ```
 */
export function resolveWeights<E extends WeightsEnumMethods>(
  builder: string,
  weightsEnum: E,
  options: ModelWeightsOptions<E>,
  legacy: Weights | null,
): Weights | null {
  const { pretrained } = options;
  if (pretrained !== undefined && typeof pretrained !== 'boolean') {
    throw new ArgumentTypeError(`${builder}: pretrained must be a boolean, got ${typeof pretrained}`);
  }
  if (pretrained !== undefined && options.weights !== undefined) {
    throw new ValueError(`${builder}: pass weights or the deprecated pretrained, not both (got weights ${String(options.weights)} and pretrained ${pretrained})`);
  }
  if (pretrained) {
    if (legacy === null) throw new ValueError(`${builder}: No weights available for model ${builder}`);
    return legacy;
  }
  return weightsEnum.verify(options.weights, builder);
}

/**
 * torchvision's `_ovewrite_named_param`: a setting the weights fix (their number of categories)
 * must agree with the one given, and is taken from them when none is given.
 *
 * @example
 * ```ts
 * overwriteNamedParam('resnet18', 'numClasses', options.numClasses, 1000); // 1000, or a ValueError
 * ```
 */
export function overwriteNamedParam<T>(builder: string, param: string, actual: T | undefined, expected: T): T {
  if (actual !== undefined && actual !== expected) {
    throw new ValueError(`${builder}: The parameter '${param}' expected value ${String(expected)} but got ${String(actual)} instead.`);
  }
  return expected;
}

/**
 * The number of classes to build: the weights' category count (and `numClasses`, if given, must
 * match it) or `numClasses` (default `fallback`), checked to be a positive integer.
 *
 * @example
 * ```ts
 * const numClasses = resolveNumClasses('resnet18', weights, options.numClasses); // 1000 by default
 * ```
 */
export function resolveNumClasses(builder: string, weights: Weights | null, numClasses: number | undefined, fallback = 1000): number {
  if (numClasses !== undefined && (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 1)) {
    throw new ValueError(`${builder}: numClasses must be a positive integer, got ${typeof numClasses === 'number' ? numClasses : typeof numClasses}`);
  }
  const categories = weights?.meta.categories;
  if (categories) return overwriteNamedParam(builder, 'numClasses', numClasses, categories.length);
  return numClasses ?? fallback;
}

/**
 * Downloads (through the hub cache) and loads `weights` into `model` strictly, key for key, then
 * frees the loaded copies. `remap` renames keys of older checkpoints first (DenseNet's).
 *
 * @example
 * ```ts
 * if (weights) await loadWeights(model, weights, options.progress);
 * ```
 */
export async function loadWeights(
  model: nn.Module,
  weights: Weights,
  progress = true,
  remap?: (stateDict: nn.StateDict) => nn.StateDict,
): Promise<void> {
  const stateDict = await weights.getStateDict({ progress });
  try {
    model.loadStateDict(remap ? remap(stateDict) : stateDict);
  } finally {
    for (const t of Object.values(stateDict)) t.dispose();
  }
}

/**
 * Runs a model's constructor inside `scope()`: layers copy their initial values into their
 * parameters, and the originals would otherwise wait for a garbage collection, which for a VGG
 * (0.5 GB of parameters) can come too late for the wasm heap. Parameters and buffers are kept.
 *
 * @example
 * ```ts
 * const model = constructModel(() => new ResNet(BasicBlock, [2, 2, 2, 2]));
 * ```
 */
export function constructModel<M extends nn.Module>(make: () => M): M {
  return scope(make);
}
