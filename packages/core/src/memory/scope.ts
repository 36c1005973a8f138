import { Tensor } from '../tensor/tensor';
import { ValueError } from '../errors/value-error';
import { adopt, popScope, pushScope } from './ownership';

function collect(value: unknown, into: Set<Tensor>, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (value instanceof Tensor) {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collect(v, into, depth + 1);
  else if (value instanceof Map) for (const v of value.values()) collect(v, into, depth + 1);
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) collect(v, into, depth + 1);
}

/**
 * Runs `fn` and frees every tensor it made that is not returned (in a value, array or plain
 * object) and not `keep()`-ed: deterministic memory for hot synchronous loops, like `tf.tidy`.
 * Parameters, gradients and optimizer state are kept automatically.
 *
 * @example
 * ```ts
 * for (let step = 0; step < 10_000; step++) {
 *   const loss = dl.scope(() => {
 *     optimizer.zeroGrad();
 *     const l = lossFn(model.forward(x), y);
 *     l.backward();
 *     optimizer.step();
 *     return l.item();
 *   });
 * }
 * ```
 */
export function scope<T>(fn: () => T): T {
  const frame = pushScope();
  let result: T;
  try {
    result = fn();
  } catch (e) {
    popScope(frame);
    for (const t of frame) if (!(t as Tensor)._kept) (t as Tensor).dispose();
    throw e;
  }
  popScope(frame);
  if (result instanceof Promise) {
    for (const t of frame) if (!(t as Tensor)._kept) (t as Tensor).dispose();
    throw new ValueError('scope() takes a synchronous function (tensors made after an await cannot be tracked); await inside the loop and scope each synchronous step');
  }
  const keepSet = new Set<Tensor>();
  collect(result, keepSet);
  for (const t of frame as Tensor[]) {
    if (t._kept) continue;
    if (keepSet.has(t)) adopt(t);
    else t.dispose();
  }
  return result;
}

/**
 * Marks a tensor to survive the `scope()` it was made in (and any enclosing one).
 *
 * @example
 * ```ts
 * let best: dl.Tensor | null = null;
 * dl.scope(() => { best = dl.keep(model.forward(x)); });
 * ```
 */
export function keep<T extends Tensor>(tensor: T): T {
  tensor._kept = true;
  return tensor;
}
