import { nn, type Tensor } from '@dl/core';

/**
 * The base of every audio transform: an `nn.Module` (as torchaudio's transforms are), so it holds
 * its precomputed tensors as buffers (`window`, `fb`, `kernel`, ... under torchaudio's names, in
 * `stateDict()`), sits in an `nn.Sequential`, and prints PyTorch's module text; and callable
 * like a function, `t(x)` (what `Compose` and a dataset's `transform` call), which runs
 * `forward` through `call()` with the module's hooks.
 *
 * @typeParam A the arguments of `forward`.
 * @typeParam R what `forward` returns.
 * @example
 * ```ts
 * class Double extends AudioTransform {
 *   override forward(x: Tensor): Tensor { return x.mul(2); }
 * }
 * const t = new Double();
 * t(dl.tensor([1, 2])).tolist(); // [2, 4]
 * new nn.Sequential(new Double(), new Double()).forward(dl.tensor([1])).tolist(); // [4]
 * ```
 */
export interface AudioTransform<A extends unknown[] = [Tensor], R = Tensor> {
  /** Runs the transform (`forward`, with the module's hooks). */
  (...args: A): R;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature the constructor provides
export abstract class AudioTransform<A extends unknown[] = [Tensor], R = Tensor> extends nn.Module {
  constructor() {
    super();
    const self = (...args: A): R => (self as unknown as AudioTransform<A, R>)._callImpl(args) as R;
    // A function object whose prototype is the subclass's: callable and still an nn.Module. It
    // takes over the module state nn.Module set up on the plain instance; `length` and `name`
    // go, so transforms may have attributes of those names (GriffinLim's `length`).
    delete (self as { length?: number }).length;
    delete (self as { name?: string }).name;
    for (const key of Reflect.ownKeys(this)) Object.defineProperty(self, key, Object.getOwnPropertyDescriptor(this, key)!);
    Object.setPrototypeOf(self, new.target.prototype);
    // biome-ignore lint/correctness/noConstructorReturn: the instance must be callable
    return self as unknown as this;
  }

  /** Applies the transform. */
  abstract override forward(...args: A): R;
}
