// AVX2 + FMA micro-kernel, 6 rows x 16 columns: 12 ymm accumulators, two B vectors and one
// broadcast A value per step (15 of the 16 registers). Compiled with -mavx2 -mfma; only called
// when the CPU has both.
#include "gemm.h"

#if defined(__x86_64__) && defined(DL_HAVE_AVX2)
#include <immintrin.h>

namespace dlnative {
namespace {

constexpr int MR = 6, NR = 16;

#define DL_ROW(i)                                         \
  {                                                       \
    const __m256 a = _mm256_broadcast_ss(pa + (i));       \
    c##i##0 = _mm256_fmadd_ps(a, b0, c##i##0);            \
    c##i##1 = _mm256_fmadd_ps(a, b1, c##i##1);            \
  }

#define DL_STORE(i)                                                                       \
  {                                                                                       \
    float* r = c + (i) * ldc;                                                             \
    if (accumulate) {                                                                     \
      c##i##0 = _mm256_add_ps(c##i##0, _mm256_loadu_ps(r));                               \
      c##i##1 = _mm256_add_ps(c##i##1, _mm256_loadu_ps(r + 8));                           \
    }                                                                                     \
    _mm256_storeu_ps(r, c##i##0);                                                         \
    _mm256_storeu_ps(r + 8, c##i##1);                                                     \
  }

void kernel(int64_t kc, const float* pa, const float* pb, float* c, int64_t ldc, bool accumulate) {
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
  __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
  __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
  __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
  __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
  __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
  for (int64_t p = 0; p < kc; p++) {
    _mm_prefetch(reinterpret_cast<const char*>(pb + 8 * NR), _MM_HINT_T0);
    const __m256 b0 = _mm256_load_ps(pb);
    const __m256 b1 = _mm256_load_ps(pb + 8);
    DL_ROW(0) DL_ROW(1) DL_ROW(2) DL_ROW(3) DL_ROW(4) DL_ROW(5)
    pa += MR;
    pb += NR;
  }
  DL_STORE(0) DL_STORE(1) DL_STORE(2) DL_STORE(3) DL_STORE(4) DL_STORE(5)
}

#undef DL_ROW
#undef DL_STORE

}  // namespace

KernelSpec kernel_avx2() { return {MR, NR, kernel, "avx2+fma 6x16"}; }

}  // namespace dlnative
#else
namespace dlnative {
KernelSpec kernel_avx2() { return kernel_generic(); }
}  // namespace dlnative
#endif
