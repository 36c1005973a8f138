let enabled = true;

/**
 * Whether operations record history for autograd now (PyTorch's `torch.is_grad_enabled`).
 *
 * @example
 * ```ts
 * dl.noGrad(() => dl.isGradEnabled()); // false
 * ```
 */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Turns recording on or off globally (PyTorch's `torch.set_grad_enabled`).
 *
 * @example
 * ```ts
 * dl.setGradEnabled(false); // inference from here on
 * ```
 */
export function setGradEnabled(on: boolean): void {
  enabled = on;
}

function withMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    enabled = prev;
    throw e;
  }
  if (result instanceof Promise) {
    // The mode is global: concurrent async work inside and outside sees the same flag.
    return result.finally(() => {
      enabled = prev;
    }) as T;
  }
  enabled = prev;
  return result;
}

/**
 * Runs `fn` without recording history (PyTorch's `with torch.no_grad():`). Results have
 * `requiresGrad` false. An async `fn` keeps the mode until its promise settles.
 *
 * @example
 * ```ts
 * const y = dl.noGrad(() => model.forward(x));
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  return withMode(false, fn);
}

/**
 * Runs `fn` with recording on, even inside `noGrad` (PyTorch's `torch.enable_grad`).
 *
 * @example
 * ```ts
 * dl.noGrad(() => dl.enableGrad(() => x.mul(2))).requiresGrad; // true when x requires grad
 * ```
 */
export function enableGrad<T>(fn: () => T): T {
  return withMode(true, fn);
}
