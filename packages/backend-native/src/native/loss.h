// Softmax cross entropy with class-index targets, fused: log-softmax over the class axis and
// the negative log likelihood in one pass, and the gradient with respect to the logits in
// another (PyTorch's `cross_entropy` with `weight`, `ignore_index`, `label_smoothing` and every
// reduction). The caller folds the weighting, ignored targets and the 'mean' normaliser into two
// coefficients per position, so that with q[p, c] = a[p] * (c == target[p]) + b[p] * w[c]
// (w = 1 without a class weight):
//   loss[p] = -sum_c q[p, c] * logp[p, c]
//   dlogits[p, c] = dy[p] * (Q[p] * softmax[p, c] - q[p, c]),  Q[p] = a[p] + b[p] * sum_c w[c].
// The target term reads logp at the target only (as PyTorch's nll_loss gathers), so an
// ignored position (a = b = 0) contributes exactly 0 whatever its logits.
#pragma once
#include <cstdint>

namespace dlnative {

/** The layout: logits are [outer, classes, inner]; position p = o * inner + i. */
struct CrossEntropyShape {
  int64_t outer, classes, inner;
};

/**
 * Writes logp (the logits' shape) and loss[p] for each position; returns the sum of the losses
 * (in double). Targets outside [0, classes) contribute no target term.
 */
double cross_entropy(const CrossEntropyShape& s, const float* logits, const int32_t* target, const float* a, const float* b, const float* weight,
                     float* logp, float* loss);

/** dlogits from logp; dy holds one value per position, or one for all when `dy_scalar`. */
void cross_entropy_grad(const CrossEntropyShape& s, const float* logp, const int32_t* target, const float* a, const float* b, const float* weight,
                        const float* dy, bool dy_scalar, float* dlogits);

}  // namespace dlnative
