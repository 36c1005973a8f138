// A small pool of worker threads for the kernels. Work is cut into chunks that the calling
// (JavaScript) thread and the workers claim one at a time, so a worker the OS has not scheduled
// yet (a busy machine) delays nothing: the caller takes its chunks. `threads == 1` runs
// everything inline with no synchronisation.
#pragma once
#include <cstdint>
#include <functional>

namespace dlnative {

/** Threads the kernels use, the caller included (>= 1). */
int num_threads();

/** Sets the thread count (clamped to [1, 256]); the workers start or stop on the next job. */
void set_num_threads(int n);

/** The default: DL_NUM_THREADS, else OMP_NUM_THREADS, else the CPUs this process may run on. */
int default_num_threads();

/**
 * Calls `fn(chunk, slot)` once for each chunk in [0, chunks), on up to `max_threads` threads;
 * `slot` in [0, num_threads()) is unique among the threads running at once (for per-thread
 * buffers). Nested calls, and calls while another JavaScript thread uses the pool, run inline.
 */
void parallel_chunks(int64_t chunks, int max_threads, const std::function<void(int64_t, int)>& fn);

/** Runs `fn(part, parts)` for each part in [0, parts), parts = min(max_threads, num_threads()). */
void run_parallel(int max_threads, const std::function<void(int, int)>& fn);

/**
 * Splits [0, n) into ranges of at least `grain` items (a few per thread, for balance) and calls
 * `fn(begin, end)` for each.
 */
void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& fn);

}  // namespace dlnative
