#include "optim.h"

#include <cmath>
#include <limits>

#include "simd.h"
#include "thread_pool.h"

// Every expression below is one of the portable path's tfjs ops (a float32 result each), plus
// multiplies by exactly 1 or -1 that stand in for skipped ops and tf.neg (exact, so the bits are
// the same). The compiler must not fuse a multiply and an add: neither build target (the SSE2
// baseline, the AVX2 clone) enables FMA.

namespace dlnative {
namespace {

constexpr int64_t kGrain = 1 << 17;  // elements per thread below which one thread does it all

struct SgdConsts {
  float lr, momentum, keep, weight_decay, sign;
};

// One loop per combination of branches (see adam_range). MOM: 0 no momentum, 1 a new buffer
// (buf = d), 2 an existing one. Maximize is a multiply by -1 (else 1), no dampening one by 1:
// both exact.
template <bool DECAY, int MOM, bool NESTEROV>
DL_CLONES void sgd_range(const SgdConsts& k, int64_t i0, int64_t i1, const float* param, const float* grad,
                         const float* buf, float* out_param, float* out_buf) {
  DL_IVDEP
  for (int64_t i = i0; i < i1; i++) {
    const float p = param[i];
    float d = grad[i] * k.sign;
    if constexpr (DECAY) d = d + p * k.weight_decay;
    if constexpr (MOM == 0) {
      out_param[i] = p - d * k.lr;
    } else {
      float nb = d;
      if constexpr (MOM == 2) nb = buf[i] * k.momentum + d * k.keep;
      float step = nb;
      if constexpr (NESTEROV) step = d + nb * k.momentum;
      out_param[i] = p - step * k.lr;
      out_buf[i] = nb;
    }
  }
}

using SgdRange = void (*)(const SgdConsts&, int64_t, int64_t, const float*, const float*, const float*, float*, float*);

template <bool DECAY>
SgdRange pick_sgd(int mom, bool nesterov) {
  if (mom == 0) return sgd_range<DECAY, 0, false>;
  if (mom == 1) return nesterov ? sgd_range<DECAY, 1, true> : sgd_range<DECAY, 1, false>;
  return nesterov ? sgd_range<DECAY, 2, true> : sgd_range<DECAY, 2, false>;
}

struct AdamConsts {
  float beta1, one_minus_beta1, beta2, one_minus_beta2, eps, weight_decay, decay, step_size, bc2_sqrt, sign;
};

// The loop per combination of branches, so each instance is straight-line code the compiler
// vectorises. Two steps are written without a branch because they are exact: maximize is a
// multiply by -1 (else 1), and non-decoupled decay a multiply by 1.
template <bool ADD_DECAY, bool HAS_M, bool HAS_V, int AMS>
DL_CLONES void adam_range(const AdamConsts& k, int64_t i0, int64_t i1, const float* param, const float* grad,
                          const float* exp_avg, const float* exp_avg_sq, const float* max_sq,
                          float* out_param, float* out_exp_avg, float* out_exp_avg_sq,
                          float* out_max_sq) {
  DL_IVDEP
  for (int64_t i = i0; i < i1; i++) {
    float g = grad[i] * k.sign;
    const float p = param[i] * k.decay;
    if constexpr (ADD_DECAY) g = g + p * k.weight_decay;
    const float gm = g * k.one_minus_beta1;
    float m = gm;
    if constexpr (HAS_M) m = exp_avg[i] * k.beta1 + gm;
    const float g2 = (g * g) * k.one_minus_beta2;
    float v = g2;
    if constexpr (HAS_V) v = exp_avg_sq[i] * k.beta2 + g2;
    float second = v;
    if constexpr (AMS == 2) {
      // tfjs Maximum on this backend: NaN wins, else a > v ? a : v.
      const float a = max_sq[i];
      second = (a != a || v != v) ? std::numeric_limits<float>::quiet_NaN() : (a > v ? a : v);
    }
    if constexpr (AMS != 0) out_max_sq[i] = second;
    const float denom = std::sqrt(second) / k.bc2_sqrt + k.eps;
    out_param[i] = p - (m / denom) * k.step_size;
    out_exp_avg[i] = m;
    out_exp_avg_sq[i] = v;
  }
}

using AdamRange = void (*)(const AdamConsts&, int64_t, int64_t, const float*, const float*, const float*, const float*, const float*, float*,
                           float*, float*, float*);

template <bool ADD_DECAY, bool HAS_M, bool HAS_V>
AdamRange pick_ams(int ams) {
  return ams == 0 ? adam_range<ADD_DECAY, HAS_M, HAS_V, 0> : ams == 1 ? adam_range<ADD_DECAY, HAS_M, HAS_V, 1> : adam_range<ADD_DECAY, HAS_M, HAS_V, 2>;
}

template <bool ADD_DECAY>
AdamRange pick_state(bool has_m, bool has_v, int ams) {
  if (has_m) return has_v ? pick_ams<ADD_DECAY, true, true>(ams) : pick_ams<ADD_DECAY, true, false>(ams);
  return has_v ? pick_ams<ADD_DECAY, false, true>(ams) : pick_ams<ADD_DECAY, false, false>(ams);
}

}  // namespace

void sgd_step(int64_t n, const SgdConfig& c, const float* param, const float* grad, const float* buf, float* out_param, float* out_buf) {
  SgdConsts k;
  k.lr = static_cast<float>(c.lr);
  k.momentum = static_cast<float>(c.momentum);
  k.keep = c.dampening != 0.0 ? static_cast<float>(1.0 - c.dampening) : 1.0f;
  k.weight_decay = static_cast<float>(c.weight_decay);
  k.sign = c.maximize ? -1.0f : 1.0f;
  const int mom = c.momentum == 0.0 ? 0 : buf == nullptr ? 1 : 2;
  const SgdRange range = c.weight_decay != 0.0 ? pick_sgd<true>(mom, c.nesterov) : pick_sgd<false>(mom, c.nesterov);
  parallel_for(n, kGrain, [&](int64_t i0, int64_t i1) { range(k, i0, i1, param, grad, buf, out_param, out_buf); });
}

void adam_step(int64_t n, const AdamConfig& c, const float* param, const float* grad, const float* exp_avg, const float* exp_avg_sq,
               const float* max_sq, float* out_param, float* out_exp_avg, float* out_exp_avg_sq, float* out_max_sq) {
  AdamConsts k;
  k.beta1 = static_cast<float>(c.beta1);
  k.one_minus_beta1 = static_cast<float>(1.0 - c.beta1);
  k.beta2 = static_cast<float>(c.beta2);
  k.one_minus_beta2 = static_cast<float>(1.0 - c.beta2);
  k.eps = static_cast<float>(c.eps);
  k.weight_decay = static_cast<float>(c.weight_decay);
  k.decay = c.decoupled ? static_cast<float>(1.0 - c.lr * c.weight_decay) : 1.0f;
  k.step_size = static_cast<float>(c.step_size);
  k.bc2_sqrt = static_cast<float>(c.bias_correction2_sqrt);
  k.sign = c.maximize ? -1.0f : 1.0f;
  const bool add_decay = !c.decoupled && c.weight_decay != 0.0;
  const int ams = !c.amsgrad ? 0 : max_sq == nullptr ? 1 : 2;
  const AdamRange range = add_decay ? pick_state<true>(exp_avg != nullptr, exp_avg_sq != nullptr, ams)
                                    : pick_state<false>(exp_avg != nullptr, exp_avg_sq != nullptr, ams);
  parallel_for(n, kGrain, [&](int64_t i0, int64_t i1) {
    range(k, i0, i1, param, grad, exp_avg, exp_avg_sq, max_sq, out_param, out_exp_avg, out_exp_avg_sq, out_max_sq);
  });
}

}  // namespace dlnative
