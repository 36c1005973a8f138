import type { DataLoaderRecorder, OpRecorder } from '@dl/core';
import type { Recording } from '../record/recording';

/**
 * @internal The recording of the profiler running now (one at a time, as in PyTorch), or null,
 * and how to name that profiler in errors.
 */
export const activeSession: { rec: Recording | null; owner: string } = { rec: null, owner: '' };

/** The hook setters of one @dl/core instance. */
export interface CoreHookApi {
  setOpRecorder(recorder: OpRecorder | null): void;
  setDataLoaderRecorder(recorder: DataLoaderRecorder | null): void;
}

/**
 * @internal Other @dl/core instances to hook as well (dl-bottleneck adds the CommonJS build when
 * the profiled script requires it: it is a separate module from the ESM build).
 */
export const extraCores = new Set<CoreHookApi>();
