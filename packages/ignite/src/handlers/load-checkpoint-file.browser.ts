// Browser side of `Checkpoint.loadObjects(toLoad, path)`: browsers have no files to read.
import { ValueError } from '@dl/core';

/** @internal Browsers cannot read checkpoint files by path. */
export function loadCheckpointFile(path: string | URL): Promise<unknown> {
  return Promise.reject(
    new ValueError(`Checkpoint.loadObjects: cannot read the file ${String(path)} in a browser; pass the checkpoint object instead (dl.deserialize(bytes) turns fetched bytes into one)`),
  );
}
