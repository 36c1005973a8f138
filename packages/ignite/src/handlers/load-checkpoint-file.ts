// Node side of `Checkpoint.loadObjects(toLoad, path)`. Browser builds use the .browser.ts sibling,
// so @dl/core/node (files) never reaches a web bundle.
import { load } from '@dl/core/node';

/** @internal Reads a checkpoint file written by `save` / `ModelCheckpoint`. */
export function loadCheckpointFile(path: string | URL): Promise<unknown> {
  return load(path);
}
