import { checkTransforms, type TransformLike, transformRepr } from './internal/transform-like';

/**
 * Chains transforms, each applied to the output of the previous one (the `Compose` of torchaudio
 * 0.2 that the seed chapter uses, and of torchvision). Holds audio transforms and plain functions
 * alike. Its text lists them one per line, as torchvision prints it.
 *
 * @typeParam I what the first transform takes.
 * @typeParam O what the last transform returns.
 * @example
 * ```ts
 * const transform = new Compose([new Scale(), new PadTrim(16000)]);
 * const fixed = transform(wave); // [channel, 16000], scaled by 2 ** -31
 * String(transform); // 'Compose(\n    Scale()\n    PadTrim(max_len=16000)\n)'
 * ```
 */
export interface Compose<I = unknown, O = unknown> {
  /** Runs each transform on the output of the previous one. */
  (input: I): O;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature the constructor provides
export class Compose<I = unknown, O = unknown> {
  /** The transforms, in the order they run. */
  declare readonly transforms: readonly TransformLike[];

  /** @param transforms transforms (or functions of one argument) to run in order. */
  constructor(transforms: readonly TransformLike[]) {
    const list = checkTransforms(transforms, 'Compose');
    const self = (input: I): O => (self as unknown as Compose<I, O>).forward(input);
    delete (self as { length?: number }).length;
    delete (self as { name?: string }).name;
    Object.setPrototypeOf(self, new.target.prototype);
    Object.defineProperty(self, 'transforms', { value: list, enumerable: true });
    // biome-ignore lint/correctness/noConstructorReturn: the instance must be callable
    return self as unknown as this;
  }

  /** Runs each transform on the output of the previous one. */
  forward(input: I): O {
    let x: unknown = input;
    for (const t of this.transforms) x = (t as (v: unknown) => unknown)(x);
    return x as O;
  }

  /** `Compose(\n    A()\n    B()\n)`. */
  toString(): string {
    let s = 'Compose(';
    for (const t of this.transforms) s += `\n    ${transformRepr(t)}`;
    return `${s}\n)`;
  }

  /** Node's `console.log` shows the text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
