import { ArgumentTypeError } from '@dl/core';
import { describe } from '../../functional/internal/checks';

/** What {@link Compose} holds: a transform (callable) or a plain function of one argument. */
export type TransformLike = (input: never) => unknown;

/** @internal Checks a list of transforms (each a function or a callable transform). */
export function checkTransforms(transforms: unknown, op: string): readonly TransformLike[] {
  if (!Array.isArray(transforms)) throw new ArgumentTypeError(`${op}: expected transforms to be an array of transforms, got ${describe(transforms)}`);
  transforms.forEach((t, i) => {
    if (typeof t !== 'function') throw new ArgumentTypeError(`${op}: transforms[${i}] should be a transform or a function, got ${describe(t)}`);
  });
  return [...transforms] as TransformLike[];
}

/** @internal How a transform prints inside a parent's repr: its own text, or `<function name>`. */
export function transformRepr(t: TransformLike): string {
  const own = (t as { toString?: unknown }).toString;
  if (own !== Function.prototype.toString && typeof own === 'function') return String(t);
  return `<function ${t.name || '<lambda>'}>`;
}
