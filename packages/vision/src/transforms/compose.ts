import { Image } from '../image/image';
import { toNormalizedTensor } from './functional/internal/to-normalized-tensor';
import { Normalize } from './normalize';
import { ToTensor } from './to-tensor';
import { Transform } from './transform';
import { applyTransform, checkTransforms, listRepr, type TransformLike } from './internal/transform-like';

/**
 * Chains transforms: the output of each is the input of the next (torchvision's `Compose`). Holds
 * {@link Transform}s and plain functions alike. Its repr lists them one per line, and its
 * `workerSpec()` carries them, so a DataLoader worker rebuilds the whole chain (plain functions
 * need a `workerSpec()` of their own, as `functionFromModule` gives).
 *
 * @typeParam I what the first transform takes.
 * @typeParam O what the last transform returns.
 * @example
 * ```ts
 * const t = new Compose<Image, Tensor>([new ToTensor(), new Normalize([0.5], [0.5])]);
 * const x = t(img); // float32 [C, H, W], (pixel / 255 - 0.5) / 0.5
 * String(t); // 'Compose(\n    ToTensor()\n    Normalize(mean=[0.5], std=[0.5])\n)'
 * ```
 */
export class Compose<I = unknown, O = unknown> extends Transform<I, O> {
  /** The transforms, in the order they run. */
  readonly transforms: readonly TransformLike[];

  /** @param transforms the transforms (or functions of one argument) to run in order. */
  constructor(transforms: readonly TransformLike[]) {
    super();
    this.transforms = checkTransforms(transforms, 'Compose');
  }

  /** Runs each transform on the output of the previous one. */
  override forward(input: I): O {
    let x: unknown = input;
    const ts = this.transforms;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      const next = ts[i + 1];
      // ToTensor then Normalize on an Image: one pass and one tensor instead of three tensor ops,
      // with the same float32 result (see toNormalizedTensor).
      if (x instanceof Image && isExactly(t, ToTensor) && isExactly(next, Normalize)) {
        const fused = toNormalizedTensor(x, next.mean, next.std);
        if (fused) {
          x = fused;
          i++;
          continue;
        }
      }
      x = applyTransform(t, x);
    }
    return x as O;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.transforms];
  }

  /** `Compose(\n    A()\n    B()\n)`, torchvision's multi-line repr. */
  override toString(): string {
    return listRepr('Compose', this.transforms);
  }
}

/** Whether `t` is an instance of exactly `cls` (a subclass may change what `forward` does). */
function isExactly<T>(t: unknown, cls: { prototype: T }): t is T {
  return t !== null && t !== undefined && Object.getPrototypeOf(t) === cls.prototype;
}
