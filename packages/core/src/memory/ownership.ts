import type { TfTensor } from '../backend/tfjs';

/**
 * Ownership of TensorFlow.js memory. Every tfjs tensor @dl/core makes is owned by exactly one
 * `Tensor` wrapper. When the wrapper is garbage collected the tfjs tensor is disposed, so users
 * never call `dispose()`, as in PyTorch. Finalizers run between macrotasks, so loops that await
 * (DataLoader, Engine) release memory as they go; purely synchronous hot loops use `scope()`.
 */
const registry = new FinalizationRegistry<TfTensor>((value) => {
  if (!value.isDisposed) value.dispose();
});

interface Owner {
  readonly _value: TfTensor;
}

type ScopeFrame = Owner[];
const scopes: ScopeFrame[] = [];

/** @internal Registers a new wrapper as the owner of `value`. */
export function own(owner: Owner, value: TfTensor): void {
  registry.register(owner, value, owner);
  const top = scopes.length > 0 ? scopes[scopes.length - 1] : undefined;
  if (top !== undefined) top.push(owner);
}

/**
 * @internal Registers a wrapper whose values live on the JavaScript heap (no backend memory to
 * free: the garbage collector takes the array). Only the innermost open scope tracks it, so the
 * scope's end disposes it (and any backend copy made later) like any other tensor.
 */
export function ownHost(owner: Owner): void {
  const top = scopes.length > 0 ? scopes[scopes.length - 1] : undefined;
  if (top !== undefined) top.push(owner);
}

/**
 * @internal Frees `value` when `owner` is collected, without entering a scope: a host tensor's
 * backend copy, made on first use, belongs to the scope that made the tensor (already tracked).
 */
export function registerValue(owner: Owner, value: TfTensor): void {
  registry.register(owner, value, owner);
}

/** @internal The owner gives its value up (explicit dispose or hand-over to another owner). */
export function disown(owner: Owner): void {
  registry.unregister(owner);
}

/** @internal Re-points the finalizer at a new value after an in-place op replaced it. */
export function reown(owner: Owner, value: TfTensor): void {
  registry.unregister(owner);
  registry.register(owner, value, owner);
}

/** @internal */
export function pushScope(): ScopeFrame {
  const frame: ScopeFrame = [];
  scopes.push(frame);
  return frame;
}

/** @internal */
export function popScope(frame: ScopeFrame): void {
  const top = scopes.pop();
  if (top !== frame) throw new Error('scope stack corrupted: scopes must end in the order they began');
}

/** @internal Hands an owner to the innermost open scope (results of an inner scope). */
export function adopt(owner: Owner): void {
  const top = scopes.length > 0 ? scopes[scopes.length - 1] : undefined;
  if (top !== undefined) top.push(owner);
}

/** @internal Removes an owner from every open scope so it outlives them (parameters, grads, state). */
export function escapeScopes(owner: Owner): void {
  for (const frame of scopes) {
    const i = frame.indexOf(owner);
    if (i >= 0) frame.splice(i, 1);
  }
}

/** @internal Whether a scope is open (to skip work when none is). */
export function inScope(): boolean {
  return scopes.length > 0;
}
