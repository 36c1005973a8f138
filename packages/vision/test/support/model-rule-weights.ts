// Helper B's model parity fixtures (test/fixtures/models/*.json, written by
// test/fixtures/generators/gen_models_b.py) and the TypeScript half of its weight rule: every
// tensor of a state dict filled from integers and float64 arithmetic that round to the same
// float32 values in Python and JavaScript. Keep `ruleValues` and `ruleFor` in step with the
// generator's `rule` and `rule_state_dict`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reshape, tensor, type nn, type Tensor } from '@dl/core';

/** One float32 array of a fixture, row-major. */
export interface ModelFixtureArray {
  shape: number[];
  dtype: 'float32';
  data: number[];
}

/** A model fixture: the torchvision state dict's keys and shapes, the input shape and the logits. */
export interface ModelFixture {
  model: string;
  kwargs: Record<string, unknown>;
  input_shape: number[];
  keys: [string, number[]][];
  logits: ModelFixtureArray;
  /** `str(model)` (the rule-weights fixtures only). */
  repr?: string;
  train_features_pooled?: ModelFixtureArray;
  train_running?: Record<string, ModelFixtureArray>;
  train_num_batches_tracked?: number;
}

const root = fileURLToPath(new URL('../fixtures/models/', import.meta.url));

/** `test/fixtures/models/<name>.json`. */
export function modelFixture(name: string): ModelFixture {
  return JSON.parse(readFileSync(`${root}${name}.json`, 'utf8')) as ModelFixture;
}

/** `offset + scale * u(i, k)` rounded to float32, u in [-1, 1) from an integer Weyl sequence. */
export function ruleValues(n: number, k: number, offset: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = ((i * 7919 + k * 104729 + 12345) % 65536) / 32768 - 1;
    out[i] = offset + scale * u;
  }
  return out;
}

/** The rule's offset and scale for a state-dict entry, or null for `num_batches_tracked`. */
function ruleFor(key: string, shape: readonly number[]): [number, number] | null {
  if (key.endsWith('num_batches_tracked')) return null;
  if (key.endsWith('running_var')) return [1, 0.5];
  if (key.endsWith('running_mean')) return [0, 0.1];
  const n = shape.reduce((a, b) => a * b, 1);
  if (key.endsWith('weight') && shape.length >= 2) return [0, Math.sqrt(6 / (n / shape[0]))];
  if (key.endsWith('weight')) return [1, 0.2];
  if (key.endsWith('bias')) return [0, 0.1];
  throw new Error(`no rule for ${key}`);
}

/** Fills every parameter and buffer of `model` by the rule (keys in state-dict order). */
export function loadRuleWeights(model: nn.Module): void {
  const sd = model.stateDict();
  const next: Record<string, Tensor> = {};
  Object.entries(sd).forEach(([key, t], k) => {
    const r = ruleFor(key, t.shape);
    next[key] = r === null ? t : reshape(tensor(ruleValues(t.numel(), k, r[0], r[1])), t.shape);
  });
  model.loadStateDict(next);
}

/** The rule's input tensor of `shape`. */
export function ruleInput(shape: readonly number[]): Tensor {
  return reshape(tensor(ruleValues(shape.reduce((a, b) => a * b, 1), 1000003, 0, 1)), shape);
}

/** A fixture array as a tensor. */
export function fixtureTensor(a: ModelFixtureArray): Tensor {
  return reshape(tensor(Float32Array.from(a.data)), a.shape);
}

/**
 * The largest `|actual - expected| / (atol + rtol * |expected|)`: at most 1 means every value is
 * within `atol + rtol * |expected|` (numpy's `allclose`). Also returns the largest absolute error.
 */
export function closeness(actual: Tensor, expected: ModelFixtureArray, atol = 1e-4, rtol = 1e-4): { ratio: number; maxAbs: number } {
  const a = actual.dataSync();
  let ratio = 0;
  let maxAbs = 0;
  expected.data.forEach((e, i) => {
    const d = Math.abs(a[i] - Math.fround(e));
    maxAbs = Math.max(maxAbs, d);
    ratio = Math.max(ratio, d / (atol + rtol * Math.abs(e)));
  });
  return { ratio, maxAbs };
}

/** A variant of a builder as the generator measured it with torchvision. */
export interface ModelVariant {
  model: string;
  kwargs: Record<string, number | boolean>;
  num_params: number;
  num_state: number;
  features_shape_32: number[] | null;
}

/** `test/fixtures/models/model_variants_b.json`, the variants of `model`. */
export function modelVariants(model: string): ModelVariant[] {
  return (JSON.parse(readFileSync(`${root}model_variants_b.json`, 'utf8')) as ModelVariant[]).filter((v) => v.model === model);
}

/** torchvision's snake_case keyword arguments as builder options (`width_mult` -> `widthMult`). */
export function camelOptions(kwargs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
}

/** `[key, shape]` of every state-dict entry, in order (the fixtures' `keys`). */
export function stateKeys(model: nn.Module): [string, number[]][] {
  return Object.entries(model.stateDict()).map(([k, v]) => [k, [...v.shape]]);
}

/** The number of parameters (PyTorch's `sum(p.numel() for p in model.parameters())`). */
export function countParams(model: nn.Module): number {
  return model.parameters().reduce((n, p) => n + p.numel(), 0);
}

/**
 * The module's text as PyTorch 1.13 prints it: @dl/core prints `Hardswish(inplace=True)` and
 * `Hardsigmoid(inplace=True)` where PyTorch prints `Hardswish()` (no extra_repr there).
 */
export function torchText(model: nn.Module): string {
  return model.toString().replace(/Hard(swish|sigmoid)\(inplace=True\)/g, 'Hard$1()');
}
