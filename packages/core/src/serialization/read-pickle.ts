import { assertBackendReady } from '../backend/backend';
import { ByteCursor } from './byte-cursor';
import { bytesSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import type { CheckpointValue } from './checkpoint-value';
import { materialize } from './materialize';
import { unpickle } from './pickle-reader';
import { torchHooks } from './torch-unpickler';
import { UnpicklingError } from './unpickling-error';

/**
 * Reads a plain Python pickle (protocols 0-5, as `pickle.dump` writes it, not a
 * `torch.save` file) through the restricted unpickler: numbers, strings, bytes, lists, tuples,
 * dicts, sets, and numpy arrays and scalars (arrays become Tensors: floats float32, integers
 * int32, bool bool). Python 2 `str`s (protocol 0-2 pickles made by Python 2) are decoded as
 * latin-1, as `pickle.load(f, encoding='latin1')` does. Any other global (`os.system`, a class)
 * is refused with an `UnpicklingError` naming it; nothing in the file is executed. A truncated
 * or corrupt file is a `CheckpointError` naming `name`.
 *
 * @param name the file name for messages. @default '<bytes>'
 * @example
 * ```ts
 * import { readPickle } from '@dl/core/internal';
 * const batch = readPickle(await readFile('cifar-10-batches-py/data_batch_1'), 'data_batch_1') as Record<string, unknown>;
 * (batch.data as Tensor).shape; // [10000, 3072]
 * ```
 */
export function readPickle(bytes: Uint8Array, name = '<bytes>'): CheckpointValue {
  if (!(bytes instanceof Uint8Array)) throw new CheckpointError(`readPickle: expected a Uint8Array (got ${bytes === null ? 'null' : typeof bytes})`);
  assertBackendReady();
  const source = bytesSource(bytes, name);
  if (source.size === 0) throw new CheckpointError(`${name}: the file is empty (not a pickle)`);
  const hooks = torchHooks({
    name,
    storage() {
      throw new UnpicklingError(`${name}: a plain pickle holds no PyTorch storages (open torch.save files with load/deserialize)`);
    },
  });
  const value = unpickle(new ByteCursor(source, 0, source.size, 'pickle'), hooks, 'pickle');
  return materialize(value, name);
}
