// 2-D convolutions in tfjs's layout (NHWC input, HWIO filter), by im2col + GEMM over tiles of
// output pixels, each tile on one pool thread.
#pragma once
#include <cstdint>

namespace dlnative {

struct Conv2dGeometry {
  int64_t batch, in_h, in_w, in_c;
  int64_t filter_h, filter_w, out_c;
  int64_t out_h, out_w;
  int64_t stride_h, stride_w, dilation_h, dilation_w;
  int64_t pad_top, pad_left;
};

/** y[N, OH, OW, O] = conv(x, w) (+ bias, activation: see elementwise.h's Activation). */
void conv2d(const Conv2dGeometry& g, const float* x, const float* w, float* y, const float* bias, int act, float alpha);

/** dx[N, H, W, C] = the gradient of conv2d with respect to x, given dy. */
void conv2d_backprop_input(const Conv2dGeometry& g, const float* dy, const float* w, float* dx);

/** dw[kH, kW, C, O] = the gradient of conv2d with respect to w, given x and dy. */
void conv2d_backprop_filter(const Conv2dGeometry& g, const float* x, const float* dy, float* dw);

}  // namespace dlnative
