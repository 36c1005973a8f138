import { bytesSource } from './byte-source';
import { concatChunks } from './chunk-writer';
import { CheckpointError } from './checkpoint-error';
import type { CheckpointValue } from './checkpoint-value';
import { readCheckpoint } from './read-checkpoint';
import { writeSafetensors } from './safetensors-writer';
import { writeTorch } from './torch-writer';

/** The formats `serialize` and `save` write. */
export type CheckpointFormat = 'safetensors' | 'torch';

/** Options of `serialize` and `save`. */
export interface SerializeOptions {
  /**
   * `'safetensors'`: tensors as safetensors, the rest of the structure as JSON in its metadata
   * (a flat `{name: Tensor}` state dict is plain safetensors any tool reads).
   * `'torch'`: PyTorch's own zip format, which Python's `torch.load` opens: float32 tensors stay
   * float32, int32 become int64 (`long`), bool stays bool; numbers that are safe integers become
   * Python ints and others floats (JavaScript cannot tell `1` from `1.0`); objects whose keys
   * are all integers (an optimizer's `state`) become dicts with int keys; arrays become lists.
   * @default 'safetensors'
   */
  format?: CheckpointFormat;
  /** Extra `__metadata__` string entries (safetensors only). @default {} */
  metadata?: Record<string, string>;
}

/** @internal The serialized bytes as chunks (so `save` can write them without joining). */
export function serializeChunks(obj: unknown, options: SerializeOptions, op: string): Uint8Array[] {
  const format = options.format ?? 'safetensors';
  if (format === 'safetensors') return writeSafetensors(obj, op, options.metadata);
  if (format === 'torch') {
    if (options.metadata && Object.keys(options.metadata).length > 0) throw new CheckpointError(`${op}: metadata is only supported with format 'safetensors'`);
    return writeTorch(obj, op);
  }
  throw new CheckpointError(`${op}: unknown format '${String(format)}' (expected 'safetensors' or 'torch')`);
}

/**
 * Serializes a state dict or any nested object/array of tensors, numbers, strings, booleans,
 * null and bytes into checkpoint bytes (PyTorch's `torch.save` into a buffer). Browser-safe.
 *
 * @param obj the value: `model.stateDict()`, or `{ model, optimizer, epoch, ... }`.
 * @param options `format` (`'safetensors'` or `'torch'`) and safetensors `metadata`.
 * @example
 * ```ts
 * const bytes = dl.serialize({ model: model.stateDict(), epoch: 3 });
 * const pt = dl.serialize(model.stateDict(), { format: 'torch' }); // torch.load opens it
 * ```
 */
export function serialize(obj: unknown, options: SerializeOptions = {}): Uint8Array {
  return concatChunks(serializeChunks(obj, options, 'serialize'));
}

/**
 * Reads checkpoint bytes: safetensors (from @dl or any other tool), PyTorch's zip format and the
 * legacy `torch.save` format, through a restricted unpickler that never runs code. Floats load
 * as float32, integers as int32, bool as bool. Browser-safe; the backend must be ready.
 *
 * @typeParam T the shape you expect (not checked: narrow it yourself for untrusted files).
 * @example
 * ```ts
 * const sd = dl.deserialize<Record<string, dl.Tensor>>(bytes);
 * model.loadStateDict(sd);
 * ```
 */
export function deserialize<T = CheckpointValue>(bytes: Uint8Array): T {
  if (!(bytes instanceof Uint8Array)) throw new CheckpointError(`deserialize: expected a Uint8Array (got ${bytes === null ? 'null' : typeof bytes})`);
  return readCheckpoint(bytesSource(bytes)) as T;
}
