import { ArgumentTypeError } from '@dl/core';
import { describeArg } from './transform-args';

/**
 * What `Compose`, `RandomApply`, `RandomChoice` and `RandomOrder` hold: a {@link Transform} (callable)
 * or a plain function of one argument.
 */
export type TransformLike = (input: never) => unknown;

/** @internal Checks a list of transforms (each a function or a callable Transform). */
export function checkTransforms(transforms: unknown, op: string): readonly TransformLike[] {
  if (!Array.isArray(transforms)) throw new ArgumentTypeError(`${op}: Argument transforms should be a sequence (an array of transforms), got ${describeArg(transforms)}`);
  transforms.forEach((t, i) => {
    if (typeof t !== 'function') throw new ArgumentTypeError(`${op}: transforms[${i}] should be a Transform or a function, got ${describeArg(t)}`);
  });
  return [...transforms] as TransformLike[];
}

/** @internal Calls one transform of a list. */
export function applyTransform(t: TransformLike, input: unknown): unknown {
  return (t as (x: unknown) => unknown)(input);
}

/** @internal How a child transform prints in a parent's repr: its own repr, or `<function name>` for a plain function. */
export function transformRepr(t: TransformLike): string {
  const own = (t as { toString?: unknown }).toString;
  if (own !== Function.prototype.toString && typeof own === 'function') return String(t);
  return `<function ${t.name || '<lambda>'}>`;
}

/** @internal torchvision's multi-line repr of a list of transforms: `Name(\n    A()\n    B()\n)`, with optional leading lines. */
export function listRepr(name: string, transforms: readonly TransformLike[], lead: readonly string[] = []): string {
  let s = `${name}(`;
  for (const line of lead) s += `\n    ${line}`;
  for (const t of transforms) s += `\n    ${transformRepr(t)}`;
  return `${s}\n)`;
}
