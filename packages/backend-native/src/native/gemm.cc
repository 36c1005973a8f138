// The blocked GEMM driver (the loop nest of Goto's algorithm, as BLIS describes it): B is packed
// into KC x NR row panels, A into MC x KC blocks of MR-row column panels, and the micro-kernel
// multiplies one A panel by one B panel into an MR x NR tile of C. Partial tiles at the edges go
// through a small buffer so the kernel always sees full tiles.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "blas.h"
#include "cpu_features.h"
#include "gemm.h"
#include "thread_pool.h"

namespace dlnative {
namespace {

constexpr int64_t KC = 256;
constexpr int64_t MC = 480;   // a multiple of 6 and 12: the A block stays in L2
constexpr int64_t NC = 3072;  // the packed B block, in L3

KernelSpec kernel_for(Isa isa) {
  switch (isa) {
    case Isa::kAvx512: return kernel_avx512();
    case Isa::kAvx2: return kernel_avx2();
    default: return kernel_generic();
  }
}

// One full tile through `ks` against a plain loop. A kernel that cannot be tested on the
// machine it was written on (AVX-512 here) must not give wrong answers elsewhere: a mismatch
// lowers the instruction set instead.
bool kernel_correct(const KernelSpec& ks) {
  const int kc = 37;
  std::vector<float> pa(ks.mr * kc), pb(ks.nr * kc), c(ks.mr * ks.nr, 1.0f), want(ks.mr * ks.nr, 1.0f);
  for (size_t i = 0; i < pa.size(); i++) pa[i] = static_cast<float>((i * 7919) % 17) - 8.0f;
  for (size_t i = 0; i < pb.size(); i++) pb[i] = static_cast<float>((i * 104729) % 13) - 6.0f;
  for (int i = 0; i < ks.mr; i++)
    for (int j = 0; j < ks.nr; j++)
      for (int p = 0; p < kc; p++) want[i * ks.nr + j] += pa[p * ks.mr + i] * pb[p * ks.nr + j];
  float* a = static_cast<float*>(std::aligned_alloc(64, ((pa.size() * 4 + 63) / 64) * 64));
  float* b = static_cast<float*>(std::aligned_alloc(64, ((pb.size() * 4 + 63) / 64) * 64));
  std::memcpy(a, pa.data(), pa.size() * 4);
  std::memcpy(b, pb.data(), pb.size() * 4);
  ks.kernel(kc, a, b, c.data(), ks.nr, true);
  std::free(a);
  std::free(b);
  // Small integers: the sums are exact in float32.
  return c == want;
}

// Per instruction set: 0 untested, 1 correct, 2 wrong.
std::atomic<int> g_verified[3];

KernelSpec active_kernel() {
  for (;;) {
    const Isa isa = active_isa();
    std::atomic<int>& v = g_verified[static_cast<int>(isa)];
    if (v.load() == 0) v.store(isa == Isa::kGeneric || kernel_correct(kernel_for(isa)) ? 1 : 2);
    if (v.load() == 1) return kernel_for(isa);
    set_isa(isa == Isa::kAvx512 ? Isa::kAvx2 : Isa::kGeneric);
  }
}

}  // namespace

KernelSpec active_gemm_kernel() { return active_kernel(); }

namespace {

struct AlignedFree {
  void operator()(float* p) const { std::free(p); }
};

// Per-thread packing buffers, grown on demand and kept for the next call.
struct PackBuffers {
  std::unique_ptr<float, AlignedFree> a, b;
  size_t a_size = 0, b_size = 0;
  float* get(std::unique_ptr<float, AlignedFree>& p, size_t& size, size_t want) {
    if (size < want) {
      p.reset(static_cast<float*>(std::aligned_alloc(64, ((want * sizeof(float) + 63) / 64) * 64)));
      size = want;
    }
    return p.get();
  }
};

thread_local PackBuffers tl_buffers;

// Packs rows [i0, i0 + mc) x columns [p0, p0 + kc) of op(A), scaled by alpha, into MR-row panels:
// panel r holds, for each p, the MR values of column p (zeros past the last row).
void pack_a(const Sgemm& g, int64_t i0, int64_t mc, int64_t p0, int64_t kc, int mr, float* out) {
  for (int64_t ir = 0; ir < mc; ir += mr) {
    const int64_t rows = std::min<int64_t>(mr, mc - ir);
    float* panel = out + ir * kc;
    if (!g.trans_a) {
      for (int64_t i = 0; i < rows; i++) {
        const float* src = g.a + (i0 + ir + i) * g.lda + p0;
        for (int64_t p = 0; p < kc; p++) panel[p * mr + i] = g.alpha * src[p];
      }
    } else {
      for (int64_t p = 0; p < kc; p++) {
        const float* src = g.a + (p0 + p) * g.lda + i0 + ir;
        for (int64_t i = 0; i < rows; i++) panel[p * mr + i] = g.alpha * src[i];
      }
    }
    if (rows < mr) {
      for (int64_t p = 0; p < kc; p++)
        for (int64_t i = rows; i < mr; i++) panel[p * mr + i] = 0.0f;
    }
  }
}

// Packs rows [p0, p0 + kc) x columns [j0, j0 + nc) of op(B) into NR-column panels.
void pack_b(const Sgemm& g, int64_t p0, int64_t kc, int64_t j0, int64_t nc, int nr, float* out) {
  for (int64_t jr = 0; jr < nc; jr += nr) {
    const int64_t cols = std::min<int64_t>(nr, nc - jr);
    float* panel = out + jr * kc;
    if (!g.trans_b) {
      for (int64_t p = 0; p < kc; p++) {
        const float* src = g.b + (p0 + p) * g.ldb + j0 + jr;
        float* dst = panel + p * nr;
        std::memcpy(dst, src, cols * sizeof(float));
        for (int64_t j = cols; j < nr; j++) dst[j] = 0.0f;
      }
    } else {
      for (int64_t j = 0; j < cols; j++) {
        const float* src = g.b + (j0 + jr + j) * g.ldb + p0;
        for (int64_t p = 0; p < kc; p++) panel[p * nr + j] = src[p];
      }
      for (int64_t p = 0; p < kc; p++)
        for (int64_t j = cols; j < nr; j++) panel[p * nr + j] = 0.0f;
    }
  }
}

void scale_c(const Sgemm& g) {
  for (int64_t i = 0; i < g.m; i++) {
    float* row = g.c + i * g.ldc;
    if (g.beta == 0.0f) {
      std::memset(row, 0, g.n * sizeof(float));
    } else {
      for (int64_t j = 0; j < g.n; j++) row[j] *= g.beta;
    }
  }
}

}  // namespace

void sgemm_serial(const Sgemm& g) {
  if (g.m <= 0 || g.n <= 0) return;
  if (g.k <= 0 || g.alpha == 0.0f) {
    if (g.beta != 1.0f) scale_c(g);
    return;
  }
  // beta other than 0 or 1: scale C once, then every block accumulates.
  const bool first_overwrites = g.beta == 0.0f;
  if (!first_overwrites && g.beta != 1.0f) scale_c(g);
  const KernelSpec ks = active_kernel();
  const int mr = ks.mr, nr = ks.nr;
  PackBuffers& buf = tl_buffers;
  const int64_t nc_max = std::min<int64_t>(NC, ((g.n + nr - 1) / nr) * nr);
  const int64_t mc_max = std::min<int64_t>(MC, ((g.m + mr - 1) / mr) * mr);
  const int64_t kc_max = std::min<int64_t>(KC, g.k);
  float* pb = buf.get(buf.b, buf.b_size, nc_max * kc_max);
  float* pa = buf.get(buf.a, buf.a_size, mc_max * kc_max);
  alignas(64) float tile[16 * 64];
  for (int64_t jc = 0; jc < g.n; jc += NC) {
    const int64_t nc = std::min<int64_t>(NC, g.n - jc);
    for (int64_t pc = 0; pc < g.k; pc += KC) {
      const int64_t kc = std::min<int64_t>(KC, g.k - pc);
      const bool accumulate = pc > 0 || !first_overwrites;
      pack_b(g, pc, kc, jc, nc, nr, pb);
      for (int64_t ic = 0; ic < g.m; ic += MC) {
        const int64_t mc = std::min<int64_t>(MC, g.m - ic);
        pack_a(g, ic, mc, pc, kc, mr, pa);
        for (int64_t jr = 0; jr < nc; jr += nr) {
          const int64_t cols = std::min<int64_t>(nr, nc - jr);
          const float* bp = pb + jr * kc;
          for (int64_t ir = 0; ir < mc; ir += mr) {
            const int64_t rows = std::min<int64_t>(mr, mc - ir);
            const float* ap = pa + ir * kc;
            float* cp = g.c + (ic + ir) * g.ldc + jc + jr;
            if (rows == mr && cols == nr) {
              ks.kernel(kc, ap, bp, cp, g.ldc, accumulate);
            } else {
              ks.kernel(kc, ap, bp, tile, nr, false);
              for (int64_t i = 0; i < rows; i++) {
                float* dst = cp + i * g.ldc;
                const float* src = tile + i * nr;
                if (accumulate) {
                  for (int64_t j = 0; j < cols; j++) dst[j] += src[j];
                } else {
                  for (int64_t j = 0; j < cols; j++) dst[j] = src[j];
                }
              }
            }
          }
        }
      }
    }
  }
}

namespace {

// Runs `part` over disjoint blocks of C on up to `max_threads` of the pool: column blocks (each
// thread packs only its part of B) when C is wide enough, else row blocks, with block edges on
// multiples of `unit_n` / `unit_m`. Products below ~20 MFLOP per thread (~0.2 ms on one) stay on
// one: on a busy 2-core machine the hand-off, and a worker losing its core to the JavaScript
// engine's own threads, cost more than splitting a smaller product saves.
template <typename Part>
void split_gemm(const Sgemm& g, int max_threads, int64_t unit_m, int64_t unit_n, const Part& part) {
  const double flops = 2.0 * g.m * g.n * g.k;
  int threads = std::min<int>(max_threads, std::max<int64_t>(1, static_cast<int64_t>(flops / 2e7)));
  threads = std::min(threads, num_threads());
  if (threads <= 1) {
    part(g);
    return;
  }
  const bool split_n = g.n >= g.m || g.m < static_cast<int64_t>(threads) * unit_m;
  const int64_t unit = split_n ? unit_n : unit_m;
  const int64_t extent = split_n ? g.n : g.m;
  const int64_t units = (extent + unit - 1) / unit;
  threads = static_cast<int>(std::min<int64_t>(threads, units));
  run_parallel(threads, [&](int tid, int nt) {
    const int64_t u0 = units * tid / nt, u1 = units * (tid + 1) / nt;
    const int64_t begin = u0 * unit, end = std::min(extent, u1 * unit);
    if (begin >= end) return;
    Sgemm block = g;
    if (split_n) {
      block.n = end - begin;
      block.b = g.trans_b ? g.b + begin * g.ldb : g.b + begin;
      block.c = g.c + begin;
    } else {
      block.m = end - begin;
      block.a = g.trans_a ? g.a + begin : g.a + begin * g.lda;
      block.c = g.c + begin * g.ldc;
    }
    part(block);
  });
}

}  // namespace

void sgemm_builtin(const Sgemm& g, int max_threads) {
  const KernelSpec ks = active_kernel();
  split_gemm(g, max_threads, ks.mr, ks.nr, [](const Sgemm& block) { sgemm_serial(block); });
}

void sgemm_force_builtin(const Sgemm& g) { sgemm_builtin(g, num_threads()); }

void sgemm(const Sgemm& g) {
  // The system BLAS pays a fixed cost per call (argument checks): small products stay here.
  // It runs single-threaded (blas.cc), one call per block of C on the pool's threads: its own
  // thread pool would spin on the cores the pool's workers (and the JavaScript thread) use.
  if (blas_enabled() && static_cast<double>(g.m) * g.n * g.k >= 32.0 * 32 * 32) {
    split_gemm(g, num_threads(), 16, 64, [](const Sgemm& block) {
      if (!blas_sgemm(block)) sgemm_serial(block);
    });
    return;
  }
  sgemm_builtin(g, num_threads());
}

}  // namespace dlnative
