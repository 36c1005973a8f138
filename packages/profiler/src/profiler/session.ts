import type { Recording } from '../record/recording';

/** @internal The recording of the profiler running now (one at a time, as in PyTorch), or null. */
export const activeSession: { rec: Recording | null } = { rec: null };
