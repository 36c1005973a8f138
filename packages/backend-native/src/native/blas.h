// An optimised system BLAS (OpenBLAS, BLIS, MKL, Accelerate), loaded with dlopen at run time and
// told to use one thread: gemm.cc runs it on blocks of the product in @dl's own thread pool.
#pragma once
#include <string>

#include "gemm.h"

namespace dlnative {

/** Looks for a system BLAS (once) unless DL_NATIVE_BLAS says otherwise; true if one loaded. */
bool blas_load();

/** Loads the library at `path` instead, or disables BLAS for "none"/"builtin"; "auto" searches. */
bool blas_select(const std::string& choice, std::string* error);

/** Whether GEMMs go to the loaded BLAS. */
bool blas_enabled();

/** The loaded library's file name ("" when none), and its description (e.g. OpenBLAS's config). */
std::string blas_name();
std::string blas_config();

/** Runs the GEMM through the BLAS; false if none is loaded. */
bool blas_sgemm(const Sgemm& g);

}  // namespace dlnative
