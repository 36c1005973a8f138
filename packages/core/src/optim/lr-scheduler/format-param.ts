import { ValueError } from '../../errors/value-error';
import type { SchedulableOptimizer } from './lr-scheduler';

/** @internal One value per parameter group: a number is repeated, an array must match in length. */
export function formatParam(scheduler: string, name: string, optimizer: SchedulableOptimizer, value: number | number[]): number[] {
  const n = optimizer.paramGroups.length;
  if (Array.isArray(value)) {
    if (value.length !== n) throw new ValueError(`${scheduler}: expected ${n} values for ${name}, got ${value.length}`);
    return value.slice();
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValueError(`${scheduler}: ${name} must be a number or an array of numbers, got ${String(value)}`);
  return Array.from({ length: n }, () => value);
}

/** @internal Whether the optimizer has momentum to cycle (`momentum`, or Adam's `betas`). */
export function momentumKind(scheduler: string, optimizer: SchedulableOptimizer): 'momentum' | 'betas' {
  const d = optimizer.defaults as Record<string, unknown>;
  if ('momentum' in d) return 'momentum';
  if ('betas' in d) return 'betas';
  throw new ValueError(`${scheduler}: optimizer must support momentum or beta1 with \`cycleMomentum\` option enabled`);
}

/** @internal Sets a group's momentum (or Adam's beta1). */
export function setMomentum(group: Record<string, unknown>, kind: 'momentum' | 'betas', value: number): void {
  if (kind === 'momentum') group.momentum = value;
  else {
    const betas = group.betas as number[];
    group.betas = [value, ...betas.slice(1)];
  }
}
