import type { Engine } from '../engine/engine';

/** @internal Appends each group's value to `engine.state.paramHistory[name]` (ignite's `param_history`). */
export function recordParamHistory(engine: Engine, name: string, values: number[]): void {
  const state = engine.state as { paramHistory?: Record<string, number[][]> };
  state.paramHistory ??= {};
  state.paramHistory[name] ??= [];
  state.paramHistory[name].push(values);
}
