import { ArgumentTypeError, type nn, type Tensor, ValueError } from '@dl/core';
import type { ImageInput } from '../../transforms/functional/internal/image-input';
import type { Transform } from '../../transforms/transform';
import { type HubDownloadOptions, loadStateDictFromUrl } from './load-state-dict-from-url';

/** What a weights entry says about itself (torchvision's `meta`, keys in camelCase). */
export interface WeightsMeta {
  /** The class names in output order (`null` for feature-extractor weights without a classifier). */
  readonly categories: readonly string[] | null;
  /** The number of parameters of the model these weights fit. */
  readonly numParams: number;
  /** The smallest input `[height, width]` the model takes. */
  readonly minSize: readonly [number, number];
  /** Where the training recipe is described. */
  readonly recipe: string;
  /** Accuracy per dataset (`{ 'ImageNet-1K': { 'acc@1': 69.758, 'acc@5': 89.078 } }`); `NaN` when not measured. */
  readonly metrics: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** A sentence on how the weights were made. */
  readonly docs: string;
}

/** A weights entry before it is named: what {@link weightsEnum} takes. */
export interface WeightsSpec {
  /** Where the `.pth` file is (torchvision's file name carries a SHA-256 prefix). */
  url: string;
  /** Builds the preprocessing the weights were evaluated with. */
  transforms: () => Transform<ImageInput, Tensor>;
  /** What the weights are. */
  meta: WeightsMeta;
  /** Verify the download against the hash prefix of its file name. @default true */
  checkHash?: boolean;
}

/** Options of {@link Weights.getStateDict}. */
export interface GetStateDictOptions {
  /** Show download progress on stderr. @default true */
  progress?: boolean;
  /** The cache folder. @default `join(getHubDir(), 'checkpoints')` */
  modelDir?: string;
  /** Network settings for the download. @default {} */
  download?: HubDownloadOptions;
}

/**
 * One set of pretrained weights (a member of a weights enum such as `ResNet18_Weights`, like
 * torchvision's `Weights`): where the file is, the preprocessing it needs (`transforms()`) and its
 * metadata (`meta.categories`, `meta.numParams`, ...).
 *
 * @example
 * ```ts
 * const w = ResNet18_Weights.IMAGENET1K_V1;
 * String(w); // 'ResNet18_Weights.IMAGENET1K_V1'
 * w.meta.categories![0]; // 'tench'
 * const preprocess = w.transforms();
 * const model = await resnet18({ weights: w });
 * ```
 */
export class Weights {
  /** The enum this entry belongs to (`'ResNet18_Weights'`). */
  readonly enumName: string;
  /** The entry's name in its enum (`'IMAGENET1K_V1'`). */
  readonly name: string;
  /** Where the `.pth` file is downloaded from. */
  readonly url: string;
  /** The weights' metadata. */
  readonly meta: WeightsMeta;
  /** Whether downloads are checked against the file name's hash prefix. */
  readonly checkHash: boolean;
  /** @internal */
  private declare readonly makeTransforms: () => Transform<ImageInput, Tensor>;

  constructor(enumName: string, name: string, spec: WeightsSpec) {
    if (typeof spec?.url !== 'string' || typeof spec.transforms !== 'function' || spec.meta === null || typeof spec.meta !== 'object') {
      throw new ArgumentTypeError(`Weights: ${enumName}.${name} needs a url string, a transforms function and a meta object`);
    }
    this.enumName = enumName;
    this.name = name;
    this.url = spec.url;
    this.meta = spec.meta;
    this.checkHash = spec.checkHash ?? true;
    Object.defineProperty(this, 'makeTransforms', { value: spec.transforms, enumerable: false });
  }

  /** `'ResNet18_Weights.IMAGENET1K_V1'`: the name `getWeight` takes. */
  get fullName(): string {
    return `${this.enumName}.${this.name}`;
  }

  /**
   * A new preprocessing transform for these weights (torchvision's `weights.transforms()`).
   *
   * @example
   * ```ts
   * const x = ResNet18_Weights.DEFAULT.transforms()(img); // float32 [3, 224, 224], normalized
   * ```
   */
  transforms(): Transform<ImageInput, Tensor> {
    return this.makeTransforms();
  }

  /**
   * The same entry fetched from another address (a mirror, an internal server, a local test
   * server); everything else, including which enum it belongs to, is kept.
   *
   * @example
   * ```ts
   * const model = await resnet18({ weights: ResNet18_Weights.DEFAULT.withUrl('https://mirror.example/resnet18-f37072fd.pth') });
   * ```
   */
  withUrl(url: string): Weights {
    if (typeof url !== 'string') throw new ArgumentTypeError(`Weights.withUrl: expected a URL string, got ${typeof url}`);
    return new Weights(this.enumName, this.name, { url, transforms: this.makeTransforms, meta: this.meta, checkHash: this.checkHash });
  }

  /**
   * Downloads (once, into the hub cache) and loads the state dict (torchvision's
   * `get_state_dict`), checking the file name's hash prefix unless the entry opts out.
   *
   * @example
   * ```ts
   * model.loadStateDict(await ResNet18_Weights.DEFAULT.getStateDict({ progress: false }));
   * ```
   */
  async getStateDict(options: GetStateDictOptions = {}): Promise<nn.StateDict> {
    const value = await loadStateDictFromUrl<unknown>(this.url, { ...options, checkHash: this.checkHash });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValueError(`${this.fullName}: ${this.url} does not hold a state dict (got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value})`);
    }
    return (value instanceof Map ? Object.fromEntries(value) : value) as nn.StateDict;
  }

  /** `ResNet18_Weights.IMAGENET1K_V1`, as torchvision prints it. */
  toString(): string {
    return this.fullName;
  }

  /** @internal Node's util.inspect (console.log) shows the full name. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.fullName;
  }
}

/**
 * The methods every weights enum has; its entries (`IMAGENET1K_V1`, ..., and the `DEFAULT` alias)
 * are properties beside them. See {@link weightsEnum}.
 */
export interface WeightsEnumMethods {
  /** The enum's name (`'ResNet18_Weights'`). */
  readonly name: string;
  /** The entry names, aliases (`DEFAULT`) last. */
  keys(): string[];
  /** The distinct entries, in definition order (aliases are not repeated), like `list(ResNet50_Weights)`. */
  values(): Weights[];
  /** The entry called `name` (`'IMAGENET1K_V1'`, `'DEFAULT'`); a ValueError names the others. */
  fromStr(name: string): Weights;
  /**
   * torchvision's `WeightsEnum.verify`: `null`/`undefined` stay `null`, a name (also
   * `'ResNet18_Weights.IMAGENET1K_V1'`) becomes its entry, an entry of this enum passes, anything
   * else is a ValueError.
   */
  verify(weights: unknown, op?: string): Weights | null;
}

/** A weights enum: its methods and its entries `K` plus `DEFAULT`. */
export type WeightsEnum<K extends string> = WeightsEnumMethods & { readonly [P in K | 'DEFAULT']: Weights };

/** The entries of the weights enum `E` (`'IMAGENET1K_V1' | 'DEFAULT'`). */
export type WeightsKey<E> = Exclude<keyof E, keyof WeightsEnumMethods> & string;

/**
 * Makes a weights enum (torchvision's `WeightsEnum` subclasses): one {@link Weights} per entry,
 * `DEFAULT` pointing at `defaultKey`, frozen.
 *
 * @example
 * ```ts
 * export const MyNet_Weights = weightsEnum('MyNet_Weights', {
 *   IMAGENET1K_V1: { url: 'https://example.org/mynet-0123abcd.pth', transforms: () => new ImageClassification({ cropSize: 224 }), meta },
 * }, 'IMAGENET1K_V1');
 * MyNet_Weights.DEFAULT === MyNet_Weights.IMAGENET1K_V1; // true
 * ```
 */
export function weightsEnum<K extends string>(name: string, entries: Record<K, WeightsSpec>, defaultKey: NoInfer<K>): WeightsEnum<K> {
  const members = new Map<string, Weights>();
  for (const [key, spec] of Object.entries(entries) as [K, WeightsSpec][]) members.set(key, new Weights(name, key, spec));
  const fallback = members.get(defaultKey);
  if (fallback === undefined) throw new ValueError(`weightsEnum: ${name} has no entry '${defaultKey}' to be its DEFAULT`);
  members.set('DEFAULT', fallback);
  const methods: WeightsEnumMethods = {
    name,
    keys: () => [...members.keys()],
    values: () => [...new Set(members.values())],
    fromStr(key: string): Weights {
      const w = typeof key === 'string' ? members.get(key) : undefined;
      if (w === undefined) throw new ValueError(`${name}: no weights called '${String(key)}' (choose from ${[...members.keys()].join(', ')})`);
      return w;
    },
    verify(weights: unknown, op = name): Weights | null {
      if (weights === null || weights === undefined) return null;
      if (typeof weights === 'string') {
        const key = weights.startsWith(`${name}.`) ? weights.slice(name.length + 1) : weights;
        const w = members.get(key);
        if (w === undefined) {
          throw new ValueError(`${op}: unknown weights '${weights}' (choose from ${[...members.keys()].join(', ')} of ${name}, or null)`);
        }
        return w;
      }
      if (weights instanceof Weights) {
        if (weights.enumName !== name) throw new ValueError(`${op}: expected weights of ${name}, got ${weights.fullName}`);
        return weights;
      }
      throw new ValueError(`${op}: weights must be a ${name} entry, its name or null, got ${describe(weights)}`);
    },
  };
  // Entries are the enumerable properties (Object.keys lists them); the methods are not.
  const out: object = {};
  for (const [key, value] of Object.entries(methods)) Object.defineProperty(out, key, { value, enumerable: false });
  Object.defineProperty(out, 'toString', { value: () => name, enumerable: false });
  for (const [key, w] of members) Object.defineProperty(out, key, { value: w, enumerable: true });
  return Object.freeze(out) as WeightsEnum<K>;
}

function describe(v: unknown): string {
  if (typeof v === 'object' && v !== null) return (v as object).constructor?.name ?? 'Object';
  return `${typeof v} ${String(v)}`;
}
