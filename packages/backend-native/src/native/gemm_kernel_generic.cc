// Portable micro-kernel: plain loops the compiler vectorises for the target (SSE2, NEON, ...).
#include "gemm.h"

namespace dlnative {
namespace {

constexpr int MR = 4, NR = 16;

void kernel(int64_t kc, const float* pa, const float* pb, float* c, int64_t ldc, bool accumulate) {
  float acc[MR][NR] = {};
  for (int64_t p = 0; p < kc; p++) {
    for (int i = 0; i < MR; i++) {
      const float a = pa[i];
      for (int j = 0; j < NR; j++) acc[i][j] += a * pb[j];
    }
    pa += MR;
    pb += NR;
  }
  for (int i = 0; i < MR; i++) {
    float* row = c + i * ldc;
    if (accumulate) {
      for (int j = 0; j < NR; j++) row[j] += acc[i][j];
    } else {
      for (int j = 0; j < NR; j++) row[j] = acc[i][j];
    }
  }
}

}  // namespace

KernelSpec kernel_generic() { return {MR, NR, kernel, "generic 4x16"}; }

}  // namespace dlnative
