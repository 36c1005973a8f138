import { fileURLToPath } from 'node:url';
import { ready } from '../backend/backend';
import { serializeChunks, type SerializeOptions } from './serialize';
import { writeFileAtomic } from './atomic-write';

/** @internal A path or file URL as a path string. */
export function toPath(path: string | URL): string {
  return path instanceof URL ? fileURLToPath(path) : path;
}

/**
 * Saves a state dict or any nested object/array of tensors, numbers, strings, booleans, null
 * and bytes to a file (PyTorch's `torch.save`). The write is atomic: a temporary file in the
 * same directory is written, fsynced and renamed, so a crash never leaves a truncated file.
 *
 * @param obj `model.stateDict()`, or `{ model, optimizer, scheduler, epoch, ... }`.
 * @param path the file to write (a path or `file:` URL).
 * @param options `format`: `'safetensors'` (default; structure in its metadata) or `'torch'`
 *   (PyTorch's zip format, for `torch.load` in Python); `metadata` for safetensors.
 * @example
 * ```ts
 * await save({ model: model.stateDict(), optimizer: opt.stateDict(), epoch }, 'ckpt.safetensors');
 * await save(model.stateDict(), 'model.pth', { format: 'torch' });
 * ```
 */
export async function save(obj: unknown, path: string | URL, options: SerializeOptions = {}): Promise<void> {
  await ready();
  const chunks = serializeChunks(obj, options, 'save');
  await writeFileAtomic(toPath(path), chunks, 'save');
}
