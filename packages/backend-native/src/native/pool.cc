#include "pool.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "thread_pool.h"

namespace dlnative {
namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// Calls fn(index in window, input pixel offset (in pixels)) for each tap of output (oh, ow) that
// lies inside the input.
template <typename F>
inline void for_taps(const Pool2dGeometry& g, int64_t oh, int64_t ow, F&& fn) {
  for (int64_t ky = 0; ky < g.filter_h; ky++) {
    const int64_t ih = oh * g.stride_h - g.pad_top + ky * g.dilation_h;
    if (ih < 0 || ih >= g.in_h) continue;
    for (int64_t kx = 0; kx < g.filter_w; kx++) {
      const int64_t iw = ow * g.stride_w - g.pad_left + kx * g.dilation_w;
      if (iw < 0 || iw >= g.in_w) continue;
      fn(ih * g.in_w + iw);
    }
  }
}

int64_t grain(const Pool2dGeometry& g) {
  return std::max<int64_t>(1, (1 << 14) / std::max<int64_t>(1, g.out_w * g.channels * g.filter_h * g.filter_w));
}

}  // namespace

void max_pool2d(const Pool2dGeometry& g, const float* x, float* y) {
  const int64_t C = g.channels;
  parallel_for(g.batch * g.out_h, grain(g), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; r++) {
      const int64_t n = r / g.out_h, oh = r % g.out_h;
      const float* img = x + n * g.in_h * g.in_w * C;
      for (int64_t ow = 0; ow < g.out_w; ow++) {
        float* out = y + ((n * g.out_h + oh) * g.out_w + ow) * C;
        for (int64_t c = 0; c < C; c++) out[c] = kNegInf;
        for_taps(g, oh, ow, [&](int64_t pix) {
          const float* p = img + pix * C;
          // NaN never wins, as in tfjs's cpu kernel (`pixel > max`).
          for (int64_t c = 0; c < C; c++) out[c] = p[c] > out[c] ? p[c] : out[c];
        });
      }
    }
  });
}

void avg_pool2d(const Pool2dGeometry& g, const float* x, float* y) {
  const int64_t C = g.channels;
  parallel_for(g.batch * g.out_h, grain(g), [&](int64_t r0, int64_t r1) {
    std::vector<double> acc(C);
    for (int64_t r = r0; r < r1; r++) {
      const int64_t n = r / g.out_h, oh = r % g.out_h;
      const float* img = x + n * g.in_h * g.in_w * C;
      for (int64_t ow = 0; ow < g.out_w; ow++) {
        std::fill(acc.begin(), acc.end(), 0.0);
        int64_t count = 0;
        for_taps(g, oh, ow, [&](int64_t pix) {
          const float* p = img + pix * C;
          for (int64_t c = 0; c < C; c++) acc[c] += p[c];
          count++;
        });
        float* out = y + ((n * g.out_h + oh) * g.out_w + ow) * C;
        for (int64_t c = 0; c < C; c++) out[c] = static_cast<float>(acc[c] / static_cast<double>(count));
      }
    }
  });
}

void max_pool2d_grad(const Pool2dGeometry& g, const float* x, const float* dy, float* dx) {
  const int64_t C = g.channels;
  std::memset(dx, 0, sizeof(float) * g.batch * g.in_h * g.in_w * C);
  // One image per task: windows of one image scatter into that image only.
  parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) {
    std::vector<float> best(C);
    std::vector<int64_t> at(C);
    for (int64_t n = n0; n < n1; n++) {
      const float* img = x + n * g.in_h * g.in_w * C;
      float* dimg = dx + n * g.in_h * g.in_w * C;
      for (int64_t oh = 0; oh < g.out_h; oh++) {
        for (int64_t ow = 0; ow < g.out_w; ow++) {
          std::fill(best.begin(), best.end(), kNegInf);
          std::fill(at.begin(), at.end(), -1);
          for_taps(g, oh, ow, [&](int64_t pix) {
            const float* p = img + pix * C;
            for (int64_t c = 0; c < C; c++)
              if (p[c] > best[c]) {
                best[c] = p[c];
                at[c] = pix;
              }
          });
          const float* d = dy + ((n * g.out_h + oh) * g.out_w + ow) * C;
          for (int64_t c = 0; c < C; c++)
            if (at[c] >= 0) dimg[at[c] * C + c] += d[c];
        }
      }
    }
  });
}

void avg_pool2d_grad(const Pool2dGeometry& g, const float* dy, float* dx) {
  const int64_t C = g.channels;
  std::memset(dx, 0, sizeof(float) * g.batch * g.in_h * g.in_w * C);
  const float scale = 1.0f / static_cast<float>(g.filter_h * g.filter_w);
  parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; n++) {
      float* dimg = dx + n * g.in_h * g.in_w * C;
      for (int64_t oh = 0; oh < g.out_h; oh++) {
        for (int64_t ow = 0; ow < g.out_w; ow++) {
          const float* d = dy + ((n * g.out_h + oh) * g.out_w + ow) * C;
          for_taps(g, oh, ow, [&](int64_t pix) {
            float* p = dimg + pix * C;
            for (int64_t c = 0; c < C; c++) p[c] += d[c] * scale;
          });
        }
      }
    }
  });
}

}  // namespace dlnative
