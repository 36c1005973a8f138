// AVX-512F micro-kernel, 12 rows x 32 columns: 24 zmm accumulators, two B vectors, and each A
// value broadcast straight from memory into the FMA. Compiled with -mavx512f -mfma; only called
// when the CPU has AVX-512F.
#include "gemm.h"

#if defined(__x86_64__) && defined(DL_HAVE_AVX512)
#include <immintrin.h>

namespace dlnative {
namespace {

constexpr int MR = 12, NR = 32;

#define DL_ROW(i)                                   \
  {                                                 \
    const __m512 a = _mm512_set1_ps(pa[i]);         \
    c##i##0 = _mm512_fmadd_ps(a, b0, c##i##0);      \
    c##i##1 = _mm512_fmadd_ps(a, b1, c##i##1);      \
  }

#define DL_STORE(i)                                                         \
  {                                                                         \
    float* r = c + (i) * ldc;                                               \
    if (accumulate) {                                                       \
      c##i##0 = _mm512_add_ps(c##i##0, _mm512_loadu_ps(r));                 \
      c##i##1 = _mm512_add_ps(c##i##1, _mm512_loadu_ps(r + 16));            \
    }                                                                       \
    _mm512_storeu_ps(r, c##i##0);                                           \
    _mm512_storeu_ps(r + 16, c##i##1);                                      \
  }

#define DL_DECL(i) __m512 c##i##0 = _mm512_setzero_ps(), c##i##1 = _mm512_setzero_ps();

void kernel(int64_t kc, const float* pa, const float* pb, float* c, int64_t ldc, bool accumulate) {
  DL_DECL(0) DL_DECL(1) DL_DECL(2) DL_DECL(3) DL_DECL(4) DL_DECL(5)
  DL_DECL(6) DL_DECL(7) DL_DECL(8) DL_DECL(9) DL_DECL(10) DL_DECL(11)
  for (int64_t p = 0; p < kc; p++) {
    _mm_prefetch(reinterpret_cast<const char*>(pb + 4 * NR), _MM_HINT_T0);
    const __m512 b0 = _mm512_load_ps(pb);
    const __m512 b1 = _mm512_load_ps(pb + 16);
    DL_ROW(0) DL_ROW(1) DL_ROW(2) DL_ROW(3) DL_ROW(4) DL_ROW(5)
    DL_ROW(6) DL_ROW(7) DL_ROW(8) DL_ROW(9) DL_ROW(10) DL_ROW(11)
    pa += MR;
    pb += NR;
  }
  DL_STORE(0) DL_STORE(1) DL_STORE(2) DL_STORE(3) DL_STORE(4) DL_STORE(5)
  DL_STORE(6) DL_STORE(7) DL_STORE(8) DL_STORE(9) DL_STORE(10) DL_STORE(11)
}

#undef DL_ROW
#undef DL_STORE
#undef DL_DECL

}  // namespace

KernelSpec kernel_avx512() { return {MR, NR, kernel, "avx512f 12x32"}; }

}  // namespace dlnative
#else
namespace dlnative {
KernelSpec kernel_avx512() { return kernel_avx2(); }
}  // namespace dlnative
#endif
