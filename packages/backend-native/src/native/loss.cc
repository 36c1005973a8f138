#include "loss.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "thread_pool.h"

namespace dlnative {
namespace {

constexpr int64_t kGrain = 1 << 14;  // logits per thread below which one thread does it all

int64_t grain_positions(int64_t classes) { return std::max<int64_t>(1, kGrain / std::max<int64_t>(classes, 1)); }

// The sum of w (or classes without a weight), in float32 as the portable path sums q.
float weight_total(const float* weight, int64_t classes) {
  if (!weight) return static_cast<float>(classes);
  double t = 0.0;
  for (int64_t c = 0; c < classes; c++) t += weight[c];
  return static_cast<float>(t);
}

}  // namespace

double cross_entropy(const CrossEntropyShape& s, const float* logits, const int32_t* target, const float* a, const float* b, const float* weight,
                     float* logp, float* loss) {
  const int64_t C = s.classes, S = s.inner, P = s.outer * s.inner;
  parallel_for(P, grain_positions(C), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; p++) {
      const int64_t o = p / S, i = p - o * S;
      const float* x = logits + o * C * S + i;
      float* lp = logp + o * C * S + i;
      float m = -std::numeric_limits<float>::infinity();
      for (int64_t c = 0; c < C; c++) m = std::max(m, x[c * S]);
      double sum = 0.0;
      for (int64_t c = 0; c < C; c++) sum += std::exp(static_cast<double>(x[c * S] - m));
      const float ls = static_cast<float>(std::log(sum));
      double smooth = 0.0;
      for (int64_t c = 0; c < C; c++) {
        const float v = x[c * S] - m - ls;
        lp[c * S] = v;
        if (b[p] != 0.0f) smooth += static_cast<double>(weight ? weight[c] : 1.0f) * v;
      }
      double l = 0.0;
      const int32_t t = target[p];
      if (a[p] != 0.0f && t >= 0 && t < C) l -= static_cast<double>(a[p]) * lp[t * S];
      if (b[p] != 0.0f) l -= static_cast<double>(b[p]) * smooth;
      loss[p] = static_cast<float>(l);
    }
  });
  double total = 0.0;
  for (int64_t p = 0; p < P; p++) total += loss[p];
  return total;
}

void cross_entropy_grad(const CrossEntropyShape& s, const float* logp, const int32_t* target, const float* a, const float* b, const float* weight,
                        const float* dy, bool dy_scalar, float* dlogits) {
  const int64_t C = s.classes, S = s.inner, P = s.outer * s.inner;
  const float wsum = weight_total(weight, C);
  parallel_for(P, grain_positions(C), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; p++) {
      const int64_t o = p / S, i = p - o * S;
      const float* lp = logp + o * C * S + i;
      float* dx = dlogits + o * C * S + i;
      const float g = dy_scalar ? dy[0] : dy[p];
      const float ap = a[p], bp = b[p];
      const float total = ap + bp * wsum;
      const int32_t t = target[p];
      for (int64_t c = 0; c < C; c++) {
        const float q = (c == t ? ap : 0.0f) + bp * (weight ? weight[c] : 1.0f);
        dx[c * S] = g * (total * std::exp(lp[c * S]) - q);
      }
    }
  });
}

}  // namespace dlnative
