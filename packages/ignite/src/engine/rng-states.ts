import { Generator, defaultGenerator, type GeneratorState } from '@dl/core';

/** The random-number state a deterministic Engine saves with its `stateDict()`. */
export interface RngStates {
  /** The default generator (`dl.manualSeed`'s). */
  default: GeneratorState;
  /** The DataLoader's own generator, when it has one. */
  dataloader?: GeneratorState;
}

/** @internal The DataLoader's own generator, if it has one besides the default. */
export function loaderGenerator(data: unknown): Generator | undefined {
  const g = data !== null && typeof data === 'object' ? (data as { generator?: unknown }).generator : undefined;
  return g instanceof Generator && g !== defaultGenerator ? g : undefined;
}

/** @internal Snapshot of the generators a run draws from. */
export function captureRngStates(data: unknown): RngStates {
  const out: RngStates = { default: defaultGenerator.getState() };
  const g = loaderGenerator(data);
  if (g) out.dataloader = g.getState();
  return out;
}

/** @internal Restores a {@link captureRngStates} snapshot. */
export function restoreRngStates(states: RngStates, data: unknown): void {
  defaultGenerator.setState(states.default);
  const g = loaderGenerator(data);
  if (g && states.dataloader) g.setState(states.dataloader);
}

/** @internal Seeds the generators for a pass over the data (ignite's DeterministicEngine: `seed + pass`). */
export function seedPass(seed: number, pass: number, data: unknown): void {
  const s = (seed + pass) % 4294967296;
  defaultGenerator.manualSeed(s);
  loaderGenerator(data)?.manualSeed(s);
}
