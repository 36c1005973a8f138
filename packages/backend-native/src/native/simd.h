// Elementwise loops are compiled twice on x86-64 (AVX2 and the SSE2 baseline) and picked at load
// time by the dynamic loader (GCC/Clang function multi-versioning); elsewhere once.
#pragma once

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && defined(__linux__) && !defined(DL_NO_CLONES)
#define DL_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DL_CLONES
#endif
