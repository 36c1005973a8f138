// Fused optimizer steps for @dl/core's SGD and Adam/AdamW: each parameter's update, state
// included, in one multithreaded pass over its elements instead of one tfjs op (and one
// full-size array) per arithmetic step. The arithmetic is the portable path's, operation for
// operation, in float32 with float32 constants, so both give the same bits.
//
// An output may be the matching input (out_param == param, out_buf == buf, ...): the update is
// then in place. Outputs must not overlap any other array.
#pragma once
#include <cstdint>

namespace dlnative {

/** SGD's hyperparameters (torch.optim.SGD), as doubles; the kernel rounds them to float32 as tfjs scalars are. */
struct SgdConfig {
  double lr, momentum, dampening, weight_decay;
  bool nesterov, maximize;
};

/**
 * One SGD step over n elements: d = (maximize ? -grad : grad) (+ param * weight_decay);
 * with momentum, buf' = buf ? buf * momentum + d * (1 - dampening) : d (PyTorch's first step),
 * step = nesterov ? d + buf' * momentum : buf'; else step = d. out_param = param - step * lr.
 * buf may be null (first step); out_buf may be null only when momentum is 0.
 */
void sgd_step(int64_t n, const SgdConfig& c, const float* param, const float* grad, const float* buf, float* out_param, float* out_buf);

/** Adam's hyperparameters (torch.optim.Adam / AdamW), as doubles; bias corrections come from the caller. */
struct AdamConfig {
  double lr, beta1, beta2, eps, weight_decay;
  /** lr / (1 - beta1^step) and sqrt(1 - beta2^step), computed in double by the caller. */
  double step_size, bias_correction2_sqrt;
  bool amsgrad, maximize, decoupled;
};

/**
 * One Adam step over n elements (the state inputs may be null on the first step; max_sq only
 * with amsgrad): g = maximize ? -grad : grad; decoupled: p = param * (1 - lr * wd), else
 * g += param * wd; m' = m * beta1 + g * (1 - beta1); v' = v * beta2 + (g * g) * (1 - beta2);
 * amsgrad: s = max(max_sq, v') (NaN wins), else s = v'; out_param = p - (m' / (sqrt(s) /
 * bias_correction2_sqrt + eps)) * step_size. out_max_sq is written only with amsgrad.
 */
void adam_step(int64_t n, const AdamConfig& c, const float* param, const float* grad, const float* exp_avg, const float* exp_avg_sq,
               const float* max_sq, float* out_param, float* out_exp_avg, float* out_exp_avg_sq, float* out_max_sq);

}  // namespace dlnative
