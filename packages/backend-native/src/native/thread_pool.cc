#include "thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>
#if defined(__linux__)
#include <sched.h>
#endif
#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define DL_PAUSE() _mm_pause()
#else
#define DL_PAUSE() std::this_thread::yield()
#endif

namespace dlnative {
namespace {

thread_local bool in_job = false;

// How long an idle worker spins for the next job before it sleeps (about 1 ms): a training step
// issues parallel jobs a few hundred microseconds apart, and waking a sleeping thread costs tens
// of microseconds on a busy or virtualised machine (OpenMP and OpenBLAS spin far longer).
constexpr int kIdleSpins = 40000;

int env_threads(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return 0;
  int n = std::atoi(v);
  return n > 0 ? n : 0;
}

// One job at a time. The caller publishes it (a new generation), claims chunks itself, then
// closes the job: a worker that wakes after that finds it closed and leaves it alone, so the
// caller never waits for a thread that was not scheduled, only for chunks already claimed.
class Pool {
 public:
  void resize(int workers) {
    if (workers == static_cast<int>(threads_.size())) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      generation_++;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
    stop_ = false;
    const uint64_t start = generation_.load();
    for (int i = 0; i < workers; i++) threads_.emplace_back([this, start] { loop(start); });
  }

  void run(int64_t chunks, int max_helpers, const std::function<void(int64_t, int)>& fn) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      fn_ = &fn;
      chunks_ = chunks;
      max_helpers_ = max_helpers;
      next_.store(0);
      done_.store(0);
      slots_.store(1);  // slot 0 is the caller's
      open_.store(true);
      generation_++;
    }
    cv_.notify_all();
    in_job = true;
    work(0);
    in_job = false;
    // Chunks other threads claimed may still be running.
    for (int spin = 0; done_.load(std::memory_order_acquire) < chunks; spin++) {
      if (spin < 4000) DL_PAUSE();
      else std::this_thread::yield();
    }
    open_.store(false);
    while (active_.load() > 0) DL_PAUSE();
  }

 private:
  void work(int slot) {
    for (;;) {
      const int64_t c = next_.fetch_add(1);
      if (c >= chunks_) return;
      (*fn_)(c, slot);
      done_.fetch_add(1, std::memory_order_release);
    }
  }

  void loop(uint64_t seen) {
    for (;;) {
      // Spin briefly for the next job before blocking (a training step issues jobs back to back).
      for (int spin = 0; spin < kIdleSpins && generation_.load(std::memory_order_acquire) == seen; spin++) DL_PAUSE();
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return generation_.load() != seen; });
        seen = generation_.load();
        if (stop_) return;
      }
      active_.fetch_add(1);
      if (open_.load() && generation_.load() == seen) {
        const int slot = slots_.fetch_add(1);
        if (slot <= max_helpers_) {
          in_job = true;
          work(slot);
          in_job = false;
        }
      }
      active_.fetch_sub(1);
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<uint64_t> generation_{0};
  bool stop_ = false;
  const std::function<void(int64_t, int)>* fn_ = nullptr;
  int64_t chunks_ = 0;
  int max_helpers_ = 0;
  std::atomic<int64_t> next_{0}, done_{0};
  std::atomic<int> slots_{0}, active_{0};
  std::atomic<bool> open_{false};
};

Pool& pool() {
  static Pool* p = new Pool();  // never destroyed: workers may still be parked at exit
  return *p;
}

std::atomic<int> g_threads{0};

}  // namespace

int default_num_threads() {
  int n = env_threads("DL_NUM_THREADS");
  if (!n) n = env_threads("OMP_NUM_THREADS");
  if (!n) {
#if defined(__linux__)
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) n = CPU_COUNT(&set);
#endif
  }
  if (!n) n = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, n);
}

int num_threads() {
  int n = g_threads.load();
  if (n == 0) {
    n = default_num_threads();
    g_threads.store(n);
  }
  return n;
}

void set_num_threads(int n) { g_threads.store(std::clamp(n, 1, 256)); }

void parallel_chunks(int64_t chunks, int max_threads, const std::function<void(int64_t, int)>& fn) {
  if (chunks <= 0) return;
  const int n = static_cast<int>(std::min<int64_t>({static_cast<int64_t>(std::max(max_threads, 1)), num_threads(), chunks}));
  auto inline_all = [&] {
    for (int64_t c = 0; c < chunks; c++) fn(c, 0);
  };
  if (n <= 1 || in_job) return inline_all();
  // A second JavaScript thread (a worker_threads DataLoader worker) that finds the pool busy
  // runs its job inline instead of waiting.
  static std::mutex busy;
  std::unique_lock<std::mutex> lock(busy, std::try_to_lock);
  if (!lock.owns_lock()) return inline_all();
  Pool& p = pool();
  p.resize(num_threads() - 1);
  p.run(chunks, n - 1, fn);
}

void run_parallel(int max_threads, const std::function<void(int, int)>& fn) {
  const int parts = std::max(1, std::min(max_threads, num_threads()));
  parallel_chunks(parts, parts, [&](int64_t part, int) { fn(static_cast<int>(part), parts); });
}

void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& fn) {
  if (n <= 0) return;
  grain = std::max<int64_t>(grain, 1);
  const int threads = num_threads();
  // A few chunks per thread: a thread that starts late takes fewer.
  const int64_t chunks = std::min<int64_t>((n + grain - 1) / grain, threads > 1 ? threads * 4 : 1);
  if (chunks <= 1) {
    fn(0, n);
    return;
  }
  parallel_chunks(chunks, threads, [&](int64_t c, int) {
    const int64_t begin = n * c / chunks, end = n * (c + 1) / chunks;
    if (begin < end) fn(begin, end);
  });
}

}  // namespace dlnative
