import { DLError } from '@dl/core';

/**
 * A profiler was used the wrong way (started twice, read while running, asked for an unknown
 * sort key, a trace written where it cannot be).
 *
 * @example
 * ```ts
 * try { prof.table({ sortBy: 'cuda_time' }); } catch (e) { if (e instanceof ProfilerError) console.error(e.message); }
 * ```
 */
export class ProfilerError extends DLError {}
