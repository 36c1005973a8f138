import type { DataLoaderRecorder } from '@dl/core';
import { CAT, type Recording } from './recording';

/** @internal The recorder @dl/core's DataLoader calls around each wait for a batch. */
export function loaderRecorderFor(rec: Recording): DataLoaderRecorder {
  return { begin: (name) => rec.begin(name, CAT.dataloader, null, true), end: (token) => rec.end(token as number) };
}
