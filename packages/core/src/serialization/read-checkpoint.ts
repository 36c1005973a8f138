import { assertBackendReady } from '../backend/backend';
import type { ByteSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import type { CheckpointValue } from './checkpoint-value';
import { readSafetensors } from './safetensors-reader';
import { readTorchLegacy } from './torch-legacy-reader';
import { readTorchZip } from './torch-reader';

/** The file formats `load` and `deserialize` recognize. */
export type DetectedFormat = 'safetensors' | 'torch' | 'torch-legacy';

/**
 * @internal Tells the format from the first bytes: a zip (`PK`) is PyTorch's format, a pickle
 * (`0x80` protocol byte) the legacy one, a tar the pre-0.4 legacy one (refused), and a
 * plausible little-endian length followed by `{` safetensors.
 */
export function detectFormat(source: ByteSource): DetectedFormat {
  const head = source.read(0, Math.min(source.size, 16));
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'torch';
  if (head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) return 'torch-legacy';
  if (source.size >= 262) {
    const magic = String.fromCharCode(...source.read(257, 5));
    if (magic === 'ustar') {
      throw new CheckpointError(`${source.name}: this is a tar-based legacy PyTorch checkpoint (PyTorch 0.3 and older), which is not supported; re-save it with torch.save in a newer PyTorch`);
    }
  }
  if (head.length >= 9 && head[8] === 0x7b) return 'safetensors';
  if (source.size === 0) throw new CheckpointError(`${source.name}: the file is empty`);
  throw new CheckpointError(`${source.name}: unrecognized checkpoint format (expected safetensors, a PyTorch zip checkpoint or a legacy torch.save file)`);
}

/** @internal Reads any supported checkpoint from a source. */
export function readCheckpoint(source: ByteSource): CheckpointValue {
  assertBackendReady();
  switch (detectFormat(source)) {
    case 'torch':
      return readTorchZip(source);
    case 'torch-legacy':
      return readTorchLegacy(source);
    case 'safetensors':
      return readSafetensors(source);
  }
}
