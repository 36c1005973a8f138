import { ArgumentTypeError, type nn, ValueError } from '@dl/core';
import { alexnet } from './alexnet';
import { AlexNet_Weights } from './alexnet-weights';
import { densenet121 } from './densenet';
import { DenseNet121_Weights } from './densenet-weights';
import { EfficientNet_B0_Weights, efficientnet_b0 } from './efficientnet';
import { MobileNet_V2_Weights, mobilenet_v2 } from './mobilenetv2';
import { MobileNet_V3_Large_Weights, MobileNet_V3_Small_Weights, mobilenet_v3_large, mobilenet_v3_small } from './mobilenetv3';
import { resnet18, resnet34, resnet50, resnet101 } from './resnet';
import { ResNet18_Weights, ResNet34_Weights, ResNet50_Weights, ResNet101_Weights } from './resnet-weights';
import { ShuffleNet_V2_X1_0_Weights, shufflenet_v2_x1_0 } from './shufflenetv2';
import { squeezenet1_0, squeezenet1_1 } from './squeezenet';
import { SqueezeNet1_0_Weights, SqueezeNet1_1_Weights } from './squeezenet-weights';
import { vgg11, vgg11_bn, vgg16, vgg16_bn } from './vgg';
import { VGG11_BN_Weights, VGG11_Weights, VGG16_BN_Weights, VGG16_Weights } from './vgg-weights';
import type { Weights, WeightsEnumMethods } from './weights/weights-enum';

/** Every registered builder with its weights enum (torchvision's `BUILTIN_MODELS` and the `weights` annotations). */
const MODELS = {
  alexnet: { builder: alexnet, weights: AlexNet_Weights },
  densenet121: { builder: densenet121, weights: DenseNet121_Weights },
  efficientnet_b0: { builder: efficientnet_b0, weights: EfficientNet_B0_Weights },
  mobilenet_v2: { builder: mobilenet_v2, weights: MobileNet_V2_Weights },
  mobilenet_v3_large: { builder: mobilenet_v3_large, weights: MobileNet_V3_Large_Weights },
  mobilenet_v3_small: { builder: mobilenet_v3_small, weights: MobileNet_V3_Small_Weights },
  resnet18: { builder: resnet18, weights: ResNet18_Weights },
  resnet34: { builder: resnet34, weights: ResNet34_Weights },
  resnet50: { builder: resnet50, weights: ResNet50_Weights },
  resnet101: { builder: resnet101, weights: ResNet101_Weights },
  shufflenet_v2_x1_0: { builder: shufflenet_v2_x1_0, weights: ShuffleNet_V2_X1_0_Weights },
  squeezenet1_0: { builder: squeezenet1_0, weights: SqueezeNet1_0_Weights },
  squeezenet1_1: { builder: squeezenet1_1, weights: SqueezeNet1_1_Weights },
  vgg11: { builder: vgg11, weights: VGG11_Weights },
  vgg11_bn: { builder: vgg11_bn, weights: VGG11_BN_Weights },
  vgg16: { builder: vgg16, weights: VGG16_Weights },
  vgg16_bn: { builder: vgg16_bn, weights: VGG16_BN_Weights },
} as const;

type Registry = typeof MODELS;

/** The name of a registered model (`'resnet18'`, `'vgg11_bn'`, `'mobilenet_v3_small'`, ...). */
export type ModelName = keyof Registry;

/** The options object of model `N`'s builder. */
export type ModelOptions<N extends ModelName> = NonNullable<Parameters<Registry[N]['builder']>[0]>;

/** The module class model `N`'s builder returns (`ResNet` for `'resnet18'`). */
export type ModelOf<N extends ModelName> = Awaited<ReturnType<Registry[N]['builder']>>;

/** The weights enum of model `N` (`typeof ResNet18_Weights` for `'resnet18'`). */
export type ModelWeightsOf<N extends ModelName> = Registry[N]['weights'];

function entry(op: string, name: unknown): Registry[ModelName] {
  if (typeof name !== 'string') throw new ArgumentTypeError(`${op}: the model name must be a string, got ${typeof name}`);
  const key = name.toLowerCase();
  if (!Object.hasOwn(MODELS, key)) throw new ValueError(`${op}: Unknown model ${name} (available: ${listModels().join(', ')})`);
  return MODELS[key as ModelName];
}

/**
 * The names of the registered models, sorted (torchvision's `list_models`).
 *
 * @example
 * ```ts
 * listModels(); // ['alexnet', 'densenet121', 'efficientnet_b0', ..., 'vgg16_bn']
 * ```
 */
export function listModels(): ModelName[] {
  return (Object.keys(MODELS) as ModelName[]).sort();
}

/**
 * The builder function registered as `name` (torchvision's `get_model_builder`; the name is
 * case-insensitive). Unknown names are a ValueError listing the known ones.
 *
 * @example
 * ```ts
 * const build = getModelBuilder('resnet18');
 * const model = await build({ numClasses: 10 });
 * ```
 */
export function getModelBuilder<N extends ModelName>(name: N): Registry[N]['builder'];
export function getModelBuilder(name: string): (options?: object) => Promise<nn.Module>;
export function getModelBuilder(name: string): (options?: object) => Promise<nn.Module> {
  return entry('getModelBuilder', name).builder as (options?: object) => Promise<nn.Module>;
}

/**
 * Builds the model registered as `name` with its builder's options (torchvision's `get_model`).
 *
 * @example
 * ```ts
 * const model = await getModel('resnet18', { weights: 'DEFAULT' });
 * const small = await getModel('squeezenet1_1', { numClasses: 10 });
 * ```
 */
export function getModel<N extends ModelName>(name: N, options?: ModelOptions<N>): Promise<ModelOf<N>>;
export function getModel(name: string, options?: object): Promise<nn.Module>;
export async function getModel(name: string, options: object = {}): Promise<nn.Module> {
  const builder = entry('getModel', name).builder as (options?: object) => Promise<nn.Module>;
  return builder(options);
}

/**
 * The weights enum of a model, by name or builder (torchvision's `get_model_weights`).
 *
 * @example
 * ```ts
 * getModelWeights('resnet50').DEFAULT; // ResNet50_Weights.IMAGENET1K_V2
 * getModelWeights(resnet18) === ResNet18_Weights; // true
 * ```
 */
export function getModelWeights<N extends ModelName>(name: N): ModelWeightsOf<N>;
export function getModelWeights(name: string | ((options?: never) => Promise<nn.Module>)): WeightsEnumMethods;
export function getModelWeights(name: string | ((options?: never) => Promise<nn.Module>)): WeightsEnumMethods {
  if (typeof name === 'function') {
    const found = Object.values(MODELS).find((m) => (m.builder as unknown) === name);
    if (!found) throw new ValueError(`getModelWeights: ${name.name || 'the function'} is not a registered model builder`);
    return found.weights;
  }
  return entry('getModelWeights', name).weights;
}

/**
 * A weights entry by its full name (torchvision's `get_weight`).
 *
 * @example
 * ```ts
 * const w = getWeight('ResNet50_Weights.IMAGENET1K_V2');
 * const model = await resnet50({ weights: w });
 * ```
 */
export function getWeight(name: string): Weights {
  if (typeof name !== 'string') throw new ArgumentTypeError(`getWeight: the weights name must be a string, got ${typeof name}`);
  const parts = name.split('.');
  if (parts.length !== 2) throw new ValueError(`getWeight: Invalid weight name provided: '${name}' (expected '<Enum>.<ENTRY>', e.g. 'ResNet18_Weights.IMAGENET1K_V1')`);
  const [enumName, entryName] = parts as [string, string];
  const found = Object.values(MODELS).find((m) => m.weights.name === enumName);
  if (!found) throw new ValueError(`getWeight: The weight enum '${enumName}' for the specific method couldn't be retrieved.`);
  return found.weights.fromStr(entryName);
}
