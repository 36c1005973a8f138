import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import { Tensor } from '../tensor/tensor';
import type { Module, StateDict } from './module';
import { StateDictError, type ShapeMismatch } from './state-dict-error';

/** What `Module.loadStateDict` reports: keys the module has that the dict lacks, and the reverse. */
export interface LoadStateDictResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/** @internal Collects the copies to make and the problems found while matching a state dict. */
export class LoadErrors {
  readonly mismatches: ShapeMismatch[] = [];
  readonly other: string[] = [];
  readonly copies: [Tensor, Tensor][] = [];
  readonly seen = new Set<string>();

  /** Checks `value` can be copied into `target` and records the copy. */
  copy(key: string, value: unknown, target: Tensor): void {
    this.seen.add(key);
    if (!(value instanceof Tensor)) {
      this.other.push(`While copying the parameter named "${key}", expected a Tensor from checkpoint but received ${value === null ? 'null' : typeof value}`);
      return;
    }
    if (value.isDisposed) {
      this.other.push(`While copying the parameter named "${key}", the checkpoint's tensor was disposed`);
      return;
    }
    const a = value.shape;
    const b = target.shape;
    if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
      this.mismatches.push({ key, checkpointShape: a, modelShape: b });
      return;
    }
    this.copies.push([target, value]);
  }

  /** Marks a key as belonging to the module without copying it (handled by the module). */
  expect(key: string): void {
    this.seen.add(key);
  }
}

/**
 * @internal Loads `stateDict` into `root`: matches every module's own entries, and only when
 * nothing is wrong (no shape mismatch; under `strict`, no missing or unexpected key) copies the
 * values, so a failed load leaves the model unchanged.
 */
export function loadModuleState(root: Module, stateDict: StateDict | Map<string, Tensor>, strict: boolean): LoadStateDictResult {
  if (stateDict === null || typeof stateDict !== 'object') {
    throw new ValueError(`loadStateDict: expected a state dict (an object of tensors), got ${stateDict === null ? 'null' : typeof stateDict}`);
  }
  const dict = new Map<string, unknown>(stateDict instanceof Map ? stateDict : Object.entries(stateDict));
  const missing: string[] = [];
  const errors = new LoadErrors();
  const path = new Set<Module>();
  const visit = (m: Module, prefix: string) => {
    if (path.has(m)) throw new ValueError(`loadStateDict: the module tree has a cycle at '${prefix}'`);
    path.add(m);
    m._loadFromStateDict(dict, prefix, missing, errors);
    for (const [name, child] of m._ownChildren()) visit(child, `${prefix}${name}.`);
    path.delete(m);
  };
  visit(root, '');
  const unexpected = [...dict.keys()].filter((k) => !errors.seen.has(k));
  const fail = errors.mismatches.length > 0 || errors.other.length > 0 || (strict && (missing.length > 0 || unexpected.length > 0));
  if (fail) {
    throw new StateDictError(root._getName(), strict ? missing : [], strict ? unexpected : [], errors.mismatches, errors.other);
  }
  for (const [target, value] of errors.copies) {
    const v = value.dtype === target.dtype ? tf.clone(value._value) : tf.cast(value._value, target.dtype);
    target._replaceValue(tf.keep(v));
  }
  return { missingKeys: missing, unexpectedKeys: unexpected };
}
