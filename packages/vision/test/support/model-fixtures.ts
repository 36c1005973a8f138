// Helper A's model fixtures (test/fixtures/models/, written by
// test/fixtures/generators/gen_models.py): the parity fixtures share helper B's format and weight
// rule (model-rule-weights.ts) and add torchvision's repr and a summary of the parameters right
// after `torch.manual_seed(0)` and construction.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DLError, noGrad, type nn, scope, type Tensor } from '@dl/core';
import { expect } from 'vitest';
import { closeness, loadRuleWeights as loadRule, type ModelFixture, type ModelFixtureArray, modelFixture, ruleInput } from './model-rule-weights';

export { fixtureTensor, ruleInput } from './model-rule-weights';

/** Fills `model` with the rule weights, freeing the temporary tensors (large models would fill the wasm heap). */
export function loadRuleWeights(model: nn.Module): void {
  scope(() => loadRule(model));
}

/** Per state-dict entry after seeded construction: the first 6 values, the sum and the sum of squares. */
export interface InitSummary {
  head: number[];
  sum: number;
  sumsq: number;
}

/** A parity fixture of gen_models.py. */
export interface ParityFixture extends ModelFixture {
  repr: string;
  init: Record<string, InitSummary>;
}

const root = fileURLToPath(new URL('../fixtures/models/', import.meta.url));

/** `test/fixtures/models/<name>.json` as a parity fixture. */
export function parityFixture(name: string): ParityFixture {
  return modelFixture(name) as ParityFixture;
}

/** Any JSON file of `test/fixtures/models/`. */
export function modelsJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${root}${name}`, 'utf8')) as T;
}

/** The path of a file in `test/fixtures/models/`. */
export function modelsPath(name: string): string {
  return `${root}${name}`;
}

/** The state dict's keys and shapes, as the fixtures list them. */
export function keysOf(model: nn.Module): [string, number[]][] {
  return Object.entries(model.stateDict({ keepVars: true })).map(([k, t]) => [k, [...t.shape]]);
}

/**
 * Checks a freshly built model against torchvision's after `torch.manual_seed(0)`: the same keys
 * in the same order, the same first values and the same sums (PyTorch's normal draws are a few
 * float32 ulps from ours, so values are compared to 2e-5 and sums relative to their scale).
 */
export function expectSameInit(model: nn.Module, init: Record<string, InitSummary>): void {
  const sd = model.stateDict({ keepVars: true });
  expect(Object.keys(sd)).toEqual(Object.keys(init));
  for (const [key, t] of Object.entries(sd)) {
    const e = init[key]!;
    const v = t.dataSync();
    let sum = 0;
    let sumsq = 0;
    for (let i = 0; i < v.length; i++) {
      sum += v[i]!;
      sumsq += v[i]! * v[i]!;
    }
    const head = Array.from(v.subarray(0, 6));
    head.forEach((x, i) => expect(Math.abs(x - e.head[i]!), `${key}[${i}]: ${x} vs ${e.head[i]}`).toBeLessThanOrEqual(2e-5 + 1e-5 * Math.abs(e.head[i]!)));
    const scale = Math.sqrt(e.sumsq * v.length) + 1e-6;
    expect(Math.abs(sum - e.sum), `${key} sum ${sum} vs ${e.sum}`).toBeLessThanOrEqual(1e-5 * scale);
    expect(Math.abs(sumsq - e.sumsq), `${key} sumsq ${sumsq} vs ${e.sumsq}`).toBeLessThanOrEqual(1e-5 * e.sumsq + 1e-6);
  }
}

/**
 * Runs `model` in eval mode on the rule input of `fixture` and checks the result against its
 * logits (|a - e| <= 1e-4 + 1e-4 |e|); returns the largest absolute difference.
 */
export function expectLogits(model: nn.Module, fixture: { input_shape: number[]; logits: ModelFixtureArray }, tolerance = 1e-4): number {
  model.eval();
  return scope(() => {
    const y = noGrad(() => model.call(ruleInput(fixture.input_shape)) as Tensor);
    expect(y.shape).toEqual(fixture.logits.shape);
    const { ratio, maxAbs } = closeness(y, fixture.logits, tolerance, tolerance);
    expect(ratio, `max abs diff ${maxAbs}`).toBeLessThanOrEqual(1);
    return maxAbs;
  });
}

/** Awaits `promise` and checks it rejects with exactly `type` and `message`. */
export async function rejectsExactly(promise: Promise<unknown>, type: abstract new (...args: never[]) => DLError, message: string): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${type.name}: ${message}`).toBeInstanceOf(type);
  expect((error as Error).message).toBe(message);
}
