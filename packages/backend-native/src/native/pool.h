// 2-D max and average pooling over NHWC tensors, forward and backward, with tfjs's semantics
// (padding and NaN never win a max; averages count only the pixels inside the input; the average
// gradient spreads dy / (filter height * width), as tfjs's cpu kernel does).
#pragma once
#include <cstdint>

namespace dlnative {

struct Pool2dGeometry {
  int64_t batch, in_h, in_w, channels, out_h, out_w;
  int64_t filter_h, filter_w, stride_h, stride_w, dilation_h, dilation_w, pad_top, pad_left;
};

void max_pool2d(const Pool2dGeometry& g, const float* x, float* y);
void avg_pool2d(const Pool2dGeometry& g, const float* x, float* y);
/** dx from dy: each window's dy goes to its first maximum (none when the window is all NaN). */
void max_pool2d_grad(const Pool2dGeometry& g, const float* x, const float* dy, float* dx);
void avg_pool2d_grad(const Pool2dGeometry& g, const float* dy, float* dx);

}  // namespace dlnative
