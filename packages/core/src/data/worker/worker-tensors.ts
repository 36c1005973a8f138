// The part of a DataLoader worker that needs TensorFlow.js, loaded by worker-main.ts only when the
// worker's data has tensors (tensor arguments, or modules that loaded @dl/core).
import { ready } from '../../backend/backend';
import { tf } from '../../backend/tfjs';
import { tick } from '../../memory/collect';
import { Tensor } from '../../tensor/tensor';
import type { TensorMarker } from './codec';

/** @internal Starts the backend the main thread picked (DL_BACKEND is set for the worker). */
export async function startBackend(): Promise<void> {
  await ready();
}

/** @internal A Tensor from values sent by the main thread (dataset arguments). */
export function tensorFromMarker(m: TensorMarker): Tensor {
  return Tensor._owned(tf.tensor(m.data, m.shape, m.dtype));
}

/** @internal One event-loop turn that also frees the tensors nobody holds any more. */
export function tensorTick(): Promise<void> {
  return tick();
}
