/**
 * @internal PyTorch spells state-dict keys in snake_case (`weight_decay`, `exp_avg_sq`,
 * `initial_lr`); @dl spells the same options in camelCase. These convert between the two so a
 * state dict made here loads in PyTorch and one made there loads here.
 */
const CAMEL_OVERRIDES: Record<string, string> = {
  // PyTorch's capitalised period names (CosineAnnealingLR, CosineAnnealingWarmRestarts).
  tMax: 'T_max',
  t0: 'T_0',
  tMult: 'T_mult',
  tI: 'T_i',
  tCur: 'T_cur',
};
const SNAKE_OVERRIDES: Record<string, string> = Object.fromEntries(Object.entries(CAMEL_OVERRIDES).map(([k, v]) => [v, k]));

/** @internal `weightDecay` -> `weight_decay`, `_stepCount` -> `_step_count`, `tMax` -> `T_max`. */
export function toSnake(name: string): string {
  const lead = name.startsWith('_') ? '_' : '';
  const core = lead ? name.slice(1) : name;
  const o = CAMEL_OVERRIDES[core];
  if (o !== undefined) return lead + o;
  return lead + core.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** @internal `weight_decay` -> `weightDecay`, `_step_count` -> `_stepCount`, `T_max` -> `tMax`. */
export function toCamel(name: string): string {
  const lead = name.startsWith('_') ? '_' : '';
  const core = lead ? name.slice(1) : name;
  const o = SNAKE_OVERRIDES[core];
  if (o !== undefined) return lead + o;
  return lead + core.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
