import { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject, pathText } from './checkpoint-value';
import { MAX_NESTING } from './limits';

/** @internal The kinds of value a checkpoint can hold. */
export type ValueKind = 'tensor' | 'null' | 'undefined' | 'boolean' | 'number' | 'bigint' | 'string' | 'bytes' | 'array' | 'object' | 'map';

function describe(v: unknown): string {
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  if (typeof v === 'symbol') return 'symbol';
  const name = (v as object)?.constructor?.name;
  return name ? `${name} instance` : typeof v;
}

/**
 * @internal What a value is for the writers, or a `CheckpointError` naming its path for values
 * a checkpoint cannot hold (functions, class instances such as a Module, typed arrays other
 * than Uint8Array, disposed tensors).
 */
export function valueKind(v: unknown, path: readonly (string | number)[], op: string): ValueKind {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'string':
      return 'string';
    default:
  }
  if (v instanceof Tensor) {
    if (v.isDisposed) throw new CheckpointError(`${op}: the tensor at '${pathText(path)}' was disposed`);
    return 'tensor';
  }
  if (v instanceof Uint8Array && v.constructor === Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'map';
  if (isPlainObject(v)) return 'object';
  const hint =
    typeof (v as { stateDict?: unknown })?.stateDict === 'function'
      ? ' (save its stateDict() instead)'
      : ArrayBuffer.isView(v)
        ? ' (make it a tensor with dl.tensor())'
        : '';
  throw new CheckpointError(
    `${op}: cannot save the ${describe(v)} at '${pathText(path)}'${hint}: checkpoints hold tensors, numbers, bigints, strings, booleans, null, Uint8Array bytes, and arrays, plain objects and Maps of them`,
  );
}

/**
 * @internal Tracks the containers on the current path while a writer recurses, refusing
 * self-references and nesting deeper than `MAX_NESTING`.
 */
export class AncestorGuard {
  private readonly open = new Set<object>();

  constructor(private readonly op: string) {}

  enter(container: object, path: readonly (string | number)[]): void {
    if (this.open.has(container)) throw new CheckpointError(`${this.op}: the value at '${pathText(path)}' contains itself (self-referencing values cannot be saved)`);
    if (this.open.size >= MAX_NESTING) throw new CheckpointError(`${this.op}: nesting deeper than ${MAX_NESTING} levels at '${pathText(path)}'`);
    this.open.add(container);
  }

  leave(container: object): void {
    this.open.delete(container);
  }
}

/** @internal Whether a key is a canonical non-negative integer (`'0'`, `'12'`, not `'01'`). */
export function isIndexKey(key: string): boolean {
  return /^(0|[1-9]\d{0,15})$/.test(key) && Number.isSafeInteger(Number(key));
}
