import { ValueError } from '../../errors/value-error';

/** How a loss reduces its per-element values: their mean, their sum, or none (keep them). */
export type Reduction = 'mean' | 'sum' | 'none';

/** @internal Checks a `reduction` option against the values a loss accepts. */
export function checkReduction<R extends string>(reduction: R, op: string, allowed: readonly string[] = ['mean', 'sum', 'none']): R {
  if (!allowed.includes(reduction)) {
    const list = allowed.map((a) => `'${a}'`);
    const expected = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
    throw new ValueError(`${op}: reduction must be ${expected}, got '${String(reduction)}'`);
  }
  return reduction;
}
