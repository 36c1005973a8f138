// Elementwise loops are compiled twice on x86-64 (AVX2 and the SSE2 baseline) and picked at load
// time by the dynamic loader (GCC/Clang function multi-versioning); elsewhere once.
#pragma once

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && defined(__linux__) && !defined(DL_NO_CLONES)
#define DL_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DL_CLONES
#endif

// An elementwise loop whose outputs may be its inputs (an in-place update: out[i] from in[i] at
// the same i only): no iteration depends on another, so it vectorises as if they were distinct.
#if defined(__clang__)
#define DL_IVDEP _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define DL_IVDEP _Pragma("GCC ivdep")
#elif defined(_MSC_VER)
#define DL_IVDEP __pragma(loop(ivdep))
#else
#define DL_IVDEP
#endif
