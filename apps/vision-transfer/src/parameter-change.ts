import type { nn } from '@dl/core';

/** A copy of a module's parameter values, by name. */
export type ParameterSnapshot = Map<string, Float32Array>;

/**
 * Copies every parameter of `module` (by its name in `module.namedParameters()`), to compare
 * with after training.
 *
 * @example
 * ```ts
 * const before = snapshotParameters(model);
 * // ... train ...
 * parameterChange(model, before).get('layer1'); // 0 when layer1 is frozen
 * ```
 */
export function snapshotParameters(module: nn.Module): ParameterSnapshot {
  return new Map(module.namedParameters().map(([name, p]) => [name, Float32Array.from(p.dataSync() as ArrayLike<number>)]));
}

/**
 * The largest absolute change of any parameter since `before`, per top-level child of `module`
 * (`conv1`, `bn1`, `layer1`, ..., `fc`: the part of each name before its first dot). A
 * parameter that was replaced (a new `fc` of another shape) counts as changed: `Infinity`.
 *
 * @example
 * ```ts
 * const change = parameterChange(model, before); // Map { 'conv1' => 0.012, 'layer1' => 0, ... }
 * ```
 */
export function parameterChange(module: nn.Module, before: ParameterSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, p] of module.namedParameters()) {
    const top = name.split('.')[0]!;
    const old = before.get(name);
    const now = p.dataSync() as ArrayLike<number>;
    let max = old === undefined || old.length !== now.length ? Number.POSITIVE_INFINITY : 0;
    if (max === 0) for (let i = 0; i < now.length; i++) max = Math.max(max, Math.abs(now[i]! - old![i]!));
    out.set(top, Math.max(out.get(top) ?? 0, max));
  }
  return out;
}
