import { ArgumentTypeError } from '@dl/core';

/**
 * A token conversion: the token and any extra arguments the pipeline is called with (e.g. the vocab).
 *
 * @example
 * ```ts
 * const upper: ConvertToken = (s: string) => s.toUpperCase();
 * ```
 */
export type ConvertToken = (token: never, ...args: never[]) => unknown;

/**
 * A chain of token conversions (torchtext's `Pipeline`): calling it on a list converts each
 * element, on anything else converts the value itself; `addBefore`/`addAfter` chain pipelines.
 * Fields take pipelines (or plain functions) as `preprocessing` and `postprocessing`.
 *
 * @example
 * ```ts
 * const p = new Pipeline((s: string) => s.toLowerCase()).addAfter((s: string) => s.trim());
 * p.call([' A', 'B ']); // ['a', 'b']
 * ```
 */
export class Pipeline {
  /** The conversion this pipeline applies. */
  readonly convertToken: (token: unknown, ...args: unknown[]) => unknown;
  /** The pipelines run, in order (this one among them). */
  pipes: Pipeline[];

  constructor(convertToken?: ((token: never, ...args: never[]) => unknown) | null) {
    if (convertToken === undefined || convertToken === null) this.convertToken = Pipeline.identity;
    else if (typeof convertToken === 'function') this.convertToken = convertToken as (token: unknown, ...args: unknown[]) => unknown;
    else throw new ArgumentTypeError(`Pipeline: convertToken must be a function or null, got ${typeof convertToken}`);
    this.pipes = [this];
  }

  /** Runs every pipe on `x` in order (torchtext's `__call__`). */
  call(x: unknown, ...args: unknown[]): unknown {
    let out = x;
    for (const pipe of this.pipes) out = pipe.callOwn(out, ...args);
    return out;
  }

  /** Applies only this pipeline's conversion: to each element of an array, or to `x`. */
  callOwn(x: unknown, ...args: unknown[]): unknown {
    if (Array.isArray(x)) return x.map((tok) => this.convertToken(tok, ...args));
    return this.convertToken(x, ...args);
  }

  /** Runs `pipeline` (a Pipeline or a function) before this one; returns this. */
  addBefore(pipeline: Pipeline | ((token: never, ...args: never[]) => unknown)): this {
    const p = pipeline instanceof Pipeline ? pipeline : new Pipeline(pipeline);
    this.pipes = [...p.pipes, ...this.pipes];
    return this;
  }

  /** Runs `pipeline` (a Pipeline or a function) after this one; returns this. */
  addAfter(pipeline: Pipeline | ((token: never, ...args: never[]) => unknown)): this {
    const p = pipeline instanceof Pipeline ? pipeline : new Pipeline(pipeline);
    this.pipes = [...this.pipes, ...p.pipes];
    return this;
  }

  /** The identity conversion. */
  static identity(x: unknown): unknown {
    return x;
  }
}

/**
 * A `preprocessing`/`postprocessing` step: a {@link Pipeline} or a function.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ preprocessing: (tokens: string[]) => tokens.slice(0, 100) });
 * ```
 */
export type Processing = Pipeline | ((x: never, ...args: never[]) => unknown);

/** @internal Runs a Pipeline or a plain function. */
export function runProcessing(p: Processing, x: unknown, ...args: unknown[]): unknown {
  return p instanceof Pipeline ? p.call(x, ...args) : (p as (x: unknown, ...args: unknown[]) => unknown)(x, ...args);
}
