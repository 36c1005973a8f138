// Channels-first (PyTorch's layout) kernels for @dl/core's hot paths: grouped 2-D convolution
// and both of its gradients, max and average pooling over arbitrary per-axis window tables (so
// padding, dilation, ceil mode and adaptive windows are one kernel, with argmax indices), and
// batch normalisation with batch statistics, forward and backward. Every kernel runs over the
// thread pool; none allocates more than one im2col buffer per thread.
#pragma once
#include <cstdint>

namespace dlnative {

/** A grouped convolution: x [N, C, H, W], w [O, C / groups, kH, kW], y [N, O, OH, OW]. */
struct ConvNchwGeometry {
  int64_t batch, in_c, in_h, in_w;
  int64_t out_c, filter_h, filter_w, out_h, out_w;
  int64_t stride_h, stride_w, dilation_h, dilation_w;
  int64_t pad_top, pad_left, groups;
  /** 0: pick; 1: the whole batch in one GEMM per group; 2: image by image (tests pin each). */
  int64_t strategy;
};

/** y = conv(x, w) (+ bias [O] when not null). */
void conv2d_nchw(const ConvNchwGeometry& g, const float* x, const float* w, const float* bias, float* y);

/** dx [N, C, H, W] = the gradient of conv2d_nchw with respect to x, given dy. */
void conv2d_nchw_backprop_input(const ConvNchwGeometry& g, const float* dy, const float* w, float* dx);

/** dw [O, C / groups, kH, kW] (and dbias [O] when not null) = the gradients with respect to w and the bias. */
void conv2d_nchw_backprop_filter(const ConvNchwGeometry& g, const float* x, const float* dy, float* dw, float* dbias);

/**
 * Pooling windows over `planes` planes of [H, W]: output (oh, ow) reads the taps
 * (rows[oh * kh + i], cols[ow * kw + j]); taps outside the plane are padding and never read.
 */
struct WindowGeometry {
  int64_t planes, in_h, in_w, out_h, out_w, kh, kw;
  const int32_t* rows;
  const int32_t* cols;
};

/**
 * y = the maximum of each window, idx = its flat position h * W + w in the plane (PyTorch's
 * rule: the first maximum in row-major tap order, or the last NaN; a window of no greater value than
 * -inf points at its first tap inside the plane).
 */
void window_max(const WindowGeometry& g, const float* x, float* y, int32_t* idx);

/** dx = 0, then dx[plane, idx] += dy for every output (idx in [0, H * W), checked by the caller). */
void window_max_grad(int64_t planes, int64_t in_size, int64_t out_size, const float* dy, const int32_t* idx, float* dx);

/** y = the sum of each window's taps inside the plane times scale[oh * OW + ow]. */
void window_avg(const WindowGeometry& g, const float* x, const float* scale, float* y);

/** dx = the adjoint of window_avg applied to dy. */
void window_avg_grad(const WindowGeometry& g, const float* dy, const float* scale, float* dx);

/**
 * Batch normalisation of x [N, C, S] with the batch's statistics: mean and biased variance per
 * channel, invstd = 1 / sqrt(var + eps), y = (x - mean) * invstd * weight + bias (weight and bias
 * may be null).
 */
void batch_norm_train(int64_t n, int64_t c, int64_t s, const float* x, const float* weight, const float* bias, float eps, float* y,
                      float* mean, float* var, float* invstd);

/**
 * The gradients of batch_norm_train: dx (when not null), dweight and dbias (each when not null),
 * from dy, x and the saved mean and invstd.
 */
void batch_norm_train_grad(int64_t n, int64_t c, int64_t s, const float* dy, const float* x, const float* mean, const float* invstd,
                           const float* weight, float* dx, float* dweight, float* dbias);

}  // namespace dlnative
