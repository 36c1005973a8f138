#include "reduce.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "simd.h"
#include "thread_pool.h"

namespace dlnative {
namespace {

// Sums accumulate in double, like tfjs's cpu kernels (JavaScript numbers).
DL_CLONES double sum_contiguous(const float* x, int64_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += x[i];
    s1 += x[i + 1];
    s2 += x[i + 2];
    s3 += x[i + 3];
  }
  for (; i < n; i++) s0 += x[i];
  return (s0 + s1) + (s2 + s3);
}

DL_CLONES void sum_strided(const float* x, double* acc, int64_t size, int64_t inner, int64_t i0, int64_t i1) {
  for (int64_t s = 0; s < size; s++) {
    const float* row = x + s * inner;
    for (int64_t i = i0; i < i1; i++) acc[i - i0] += row[i];
  }
}

inline float pick(int op, float best, float v) {
  // NaN wins (tfjs cpu: `isNaN(v) || v > max`).
  if (v != v) return v;
  if (best != best) return best;
  return op == kReduceMax ? (v > best ? v : best) : (v < best ? v : best);
}

}  // namespace

void reduce(int op, const float* x, float* out, int64_t outer, int64_t size, int64_t inner) {
  const int64_t work = outer * size * inner;
  const int64_t grain_units = std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(1, size * inner));
  if (inner == 1) {
    parallel_for(outer, grain_units, [&](int64_t o0, int64_t o1) {
      for (int64_t o = o0; o < o1; o++) {
        const float* row = x + o * size;
        if (op == kReduceSum || op == kReduceMean) {
          double s = sum_contiguous(row, size);
          out[o] = static_cast<float>(op == kReduceMean ? s / size : s);
        } else if (op == kReduceProd) {
          double p = 1;
          for (int64_t s = 0; s < size; s++) p *= row[s];
          out[o] = static_cast<float>(p);
        } else {
          float best = row[0];
          for (int64_t s = 1; s < size; s++) best = pick(op, best, row[s]);
          out[o] = best;
        }
      }
    });
    return;
  }
  // Reducing a leading axis: split the inner (contiguous) axis among threads when outer is small.
  const bool split_inner = outer < num_threads() && inner >= 256 && work >= (1 << 15);
  const int64_t units = split_inner ? outer * num_threads() : outer;
  parallel_for(units, split_inner ? 1 : grain_units, [&](int64_t u0, int64_t u1) {
    std::vector<double> acc;
    for (int64_t u = u0; u < u1; u++) {
      const int64_t o = split_inner ? u / num_threads() : u;
      const int64_t part = split_inner ? u % num_threads() : 0, parts = split_inner ? num_threads() : 1;
      const int64_t i0 = inner * part / parts, i1 = inner * (part + 1) / parts;
      const float* base = x + o * size * inner;
      float* dst = out + o * inner;
      if (op == kReduceSum || op == kReduceMean) {
        acc.assign(i1 - i0, 0.0);
        sum_strided(base, acc.data(), size, inner, i0, i1);
        for (int64_t i = i0; i < i1; i++) dst[i] = static_cast<float>(op == kReduceMean ? acc[i - i0] / size : acc[i - i0]);
      } else if (op == kReduceProd) {
        acc.assign(i1 - i0, 1.0);
        for (int64_t s = 0; s < size; s++)
          for (int64_t i = i0; i < i1; i++) acc[i - i0] *= base[s * inner + i];
        for (int64_t i = i0; i < i1; i++) dst[i] = static_cast<float>(acc[i - i0]);
      } else {
        for (int64_t i = i0; i < i1; i++) dst[i] = base[i];
        for (int64_t s = 1; s < size; s++)
          for (int64_t i = i0; i < i1; i++) dst[i] = pick(op, dst[i], base[s * inner + i]);
      }
    }
  });
}

void arg_reduce(bool min, const float* x, int32_t* out, int64_t outer, int64_t size, int64_t inner) {
  parallel_for(outer * inner, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(1, size)), [&](int64_t u0, int64_t u1) {
    for (int64_t u = u0; u < u1; u++) {
      const int64_t o = u / inner, i = u % inner;
      const float* p = x + o * size * inner + i;
      float best = p[0];
      int32_t at = 0;
      // tfjs's ArgMax keeps the first strict maximum (NaN never compares greater).
      for (int64_t s = 1; s < size; s++) {
        const float v = p[s * inner];
        if (min ? v < best : v > best) {
          best = v;
          at = static_cast<int32_t>(s);
        }
      }
      out[u] = at;
    }
  });
}

}  // namespace dlnative
