// Single-precision matrix multiplication, row-major:
//   C[m x n] = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T.
#pragma once
#include <cstdint>

namespace dlnative {

struct Sgemm {
  bool trans_a = false, trans_b = false;
  int64_t m = 0, n = 0, k = 0;
  float alpha = 1.0f;
  const float* a = nullptr;
  int64_t lda = 0;
  const float* b = nullptr;
  int64_t ldb = 0;
  float beta = 0.0f;
  float* c = nullptr;
  int64_t ldc = 0;
};

/**
 * A micro-kernel: C[mr x nr] (row stride ldc) = (accumulate ? C : 0) + sum over kc of the packed
 * A column (mr floats) times the packed B row (nr floats).
 */
using MicroKernel = void (*)(int64_t kc, const float* pa, const float* pb, float* c, int64_t ldc, bool accumulate);

struct KernelSpec {
  int mr, nr;
  MicroKernel kernel;
  const char* name;
};

KernelSpec kernel_generic();
KernelSpec kernel_avx2();
KernelSpec kernel_avx512();

/** The micro-kernel in use (checked against a plain loop the first time an instruction set is used). */
KernelSpec active_gemm_kernel();

/** The built-in blocked GEMM on the calling thread only. */
void sgemm_serial(const Sgemm& g);

/** The built-in GEMM over up to `max_threads` pool threads. */
void sgemm_builtin(const Sgemm& g, int max_threads);

/** C = op(A) op(B) (+ beta C) through the system BLAS when one is loaded and enabled, else built in. */
void sgemm(const Sgemm& g);

/** Always the built-in kernel (tests compare both). */
void sgemm_force_builtin(const Sgemm& g);

}  // namespace dlnative
