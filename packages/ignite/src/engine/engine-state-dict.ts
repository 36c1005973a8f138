import { ValueError } from '@dl/core';
import type { MetricValue } from '../metrics/metric-value';
import type { RngStates } from './rng-states';

/**
 * What `Engine.stateDict()` returns (ignite's keys in camelCase): enough to resume a run where it
 * stopped. `epoch` counts completed epochs, so a state saved inside an epoch resumes inside it.
 */
export interface EngineStateDict {
  /** Iterations per epoch. */
  epochLength: number | null;
  /** The epoch the run stops after. */
  maxEpochs: number | null;
  /** Iterations run so far. */
  iteration?: number;
  /** Epochs completed so far. */
  epoch?: number;
  /** The seed of a deterministic run (null otherwise). */
  seed?: number | null;
  /** `state.metrics` at the moment of saving. */
  metrics?: Record<string, MetricValue> | null;
  /** Random-number state at the moment of saving (deterministic runs). */
  rngStates?: RngStates | null;
  /** Values of `engine.stateDictUserKeys`. */
  [userKey: string]: unknown;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** @internal Checks a state dict for `Engine.loadStateDict`, with ignite's rules and messages. */
export function checkEngineStateDict(sd: unknown, userKeys: readonly string[]): asserts sd is EngineStateDict {
  const op = 'Engine.loadStateDict';
  if (sd === null || typeof sd !== 'object' || Array.isArray(sd)) throw new ValueError(`${op}: state_dict should be an object, got ${sd === null ? 'null' : typeof sd}`);
  const keys = Object.keys(sd);
  for (const k of ['epochLength', 'maxEpochs', ...userKeys]) {
    if (!(k in sd)) throw new ValueError(`${op}: required state attribute '${k}' is absent in provided state_dict (keys: ${keys.join(', ')})`);
  }
  const s = sd as EngineStateDict;
  if (!('iteration' in s) && !('epoch' in s)) throw new ValueError(`${op}: state_dict should contain 'iteration' or 'epoch' (keys: ${keys.join(', ')})`);
  if (s.maxEpochs !== null && !(isCount(s.maxEpochs) && s.maxEpochs > 0)) throw new ValueError(`${op}: maxEpochs should be a positive integer, got ${String(s.maxEpochs)}`);
  if (s.epochLength !== null && !(isCount(s.epochLength) && s.epochLength > 0)) throw new ValueError(`${op}: epochLength should be a positive integer or null, got ${String(s.epochLength)}`);
  if (s.iteration !== undefined && !isCount(s.iteration)) throw new ValueError(`${op}: iteration should be an integer >= 0, got ${String(s.iteration)}`);
  if (s.epoch !== undefined && !isCount(s.epoch)) throw new ValueError(`${op}: epoch should be an integer >= 0, got ${String(s.epoch)}`);
  if (s.iteration === undefined && s.epochLength === null) {
    throw new ValueError(`${op}: if epoch is provided in the state dict, epochLength should not be null (got ${JSON.stringify(sd)})`);
  }
  if (s.iteration !== undefined && s.epoch !== undefined && s.epochLength !== null) {
    const lo = s.epoch * s.epochLength;
    if (s.iteration > lo + s.epochLength) {
      throw new ValueError(`${op}: iteration ${s.iteration} is beyond the epoch after the ${s.epoch} completed ones (epochLength ${s.epochLength})`);
    }
  }
  if (s.seed !== undefined && s.seed !== null && !isCount(s.seed)) throw new ValueError(`${op}: seed should be an integer >= 0 or null, got ${String(s.seed)}`);
  if (s.metrics !== undefined && s.metrics !== null && (typeof s.metrics !== 'object' || Array.isArray(s.metrics))) throw new ValueError(`${op}: metrics should be an object of metric values, got ${typeof s.metrics}`);
}
