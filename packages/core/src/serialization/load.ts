import { ready } from '../backend/backend';
import type { CheckpointValue } from './checkpoint-value';
import { openFileSource } from './file-source';
import { readCheckpoint } from './read-checkpoint';
import { toPath } from './save';

/**
 * Loads a checkpoint file (PyTorch's `torch.load` with `weights_only=True`): safetensors from
 * @dl or any tool, PyTorch `.pt`/`.pth` zip checkpoints and legacy `torch.save` files. Pickles go
 * through a restricted unpickler that only rebuilds tensors, dicts, lists, tuples and primitives
 * and never executes code; anything else is an `UnpicklingError`. Floats load as float32,
 * integers as int32 (checked to fit), bool as bool. Large files are read piece by piece.
 *
 * @typeParam T the shape you expect (not checked: narrow it yourself for untrusted files).
 * @example
 * ```ts
 * const sd = await load<Record<string, Tensor>>('resnet18.pth');
 * model.loadStateDict(sd);
 * ```
 */
export async function load<T = CheckpointValue>(path: string | URL): Promise<T> {
  await ready();
  const source = openFileSource(toPath(path), 'load');
  try {
    return readCheckpoint(source) as T;
  } finally {
    source.close();
  }
}
