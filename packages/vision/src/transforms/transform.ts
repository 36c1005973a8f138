import type { ModuleExport } from '@dl/core';
import { visionModuleUrl } from '../self-module';

/**
 * The base of every transform: an object you call like a function (`t(img)`), as torchvision's
 * transforms are, so it can be passed wherever a function is expected (a dataset's `transform`,
 * `Compose`, `Lambda`). Subclasses implement `forward`, `toString` (torchvision's repr) and
 * `workerSpec` (how a DataLoader worker thread rebuilds it: the export name and the constructor
 * arguments).
 *
 * @example
 * ```ts
 * class AddOne extends Transform<number, number> {
 *   forward(x: number) { return x + 1; }
 * }
 * const t = new AddOne();
 * t(1); // 2
 * ```
 */
export interface Transform<I = unknown, O = unknown> {
  /** Applies the transform (same as `forward`). */
  (input: I): O;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature the constructor provides
export abstract class Transform<I = unknown, O = unknown> {
  constructor() {
    // A function object whose prototype is the subclass's: callable, and still `instanceof` it.
    const self = function transform(input: I): O {
      return (self as unknown as Transform<I, O>).forward(input);
    };
    // biome-ignore lint/correctness/noConstructorReturn: the instance must be callable
    return Object.setPrototypeOf(self, new.target.prototype) as this;
  }

  /** Applies the transform. */
  abstract forward(input: I): O;

  /** The constructor arguments a worker thread passes to rebuild this transform. */
  protected workerArgs(): readonly unknown[] {
    return [];
  }

  /**
   * How a DataLoader worker thread rebuilds this transform: this copy of `@dl/vision`'s export of
   * the class's name, constructed with {@link Transform.workerArgs}. Transforms built from functions
   * (`Lambda`) return undefined unless the function has a workerSpec itself.
   */
  workerSpec(): ModuleExport | undefined {
    return { module: visionModuleUrl(), export: this.constructor.name, args: this.workerArgs() };
  }

  /** torchvision's repr: `Name(arg=value, ...)`. */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  /** Node's `console.log` shows the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
