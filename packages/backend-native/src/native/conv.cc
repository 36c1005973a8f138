#include "conv.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "elementwise.h"
#include "gemm.h"
#include "thread_pool.h"

namespace dlnative {
namespace {

// Rows of the im2col buffer per tile: about 256 KB of it, so the tile stays in L2, but at least
// 192 (the GEMM packs the whole filter for each tile: fewer rows would spend the time packing).
int64_t tile_rows(int64_t k) { return std::max<int64_t>(192, (64 * 1024) / std::max<int64_t>(k, 1)); }

// Too few tiles to keep every thread busy (deep layers, small images): one im2col of everything
// and one GEMM threaded over its columns instead, while the buffer stays reasonable.
bool whole_gemm(int64_t tiles, int64_t total, int64_t k) { return tiles < 2 * num_threads() && num_threads() > 1 && total * k <= (int64_t{1} << 24); }

bool is_pointwise(const Conv2dGeometry& g) {
  return g.filter_h == 1 && g.filter_w == 1 && g.stride_h == 1 && g.stride_w == 1 && g.pad_top == 0 && g.pad_left == 0 &&
         g.out_h == g.in_h && g.out_w == g.in_w;
}

// Row r of the im2col matrix is output pixel r (n, oh, ow); its columns are (ky, kx, c), the
// filter's HWI order, so the filter is already the [kH*kW*C, O] right-hand matrix.
void im2col(const Conv2dGeometry& g, const float* x, int64_t r0, int64_t rows, float* cols) {
  const int64_t k = g.filter_h * g.filter_w * g.in_c;
  const int64_t plane = g.out_h * g.out_w;
  for (int64_t r = 0; r < rows; r++) {
    const int64_t p = r0 + r;
    const int64_t n = p / plane, oh = (p % plane) / g.out_w, ow = p % g.out_w;
    float* dst = cols + r * k;
    const float* img = x + n * g.in_h * g.in_w * g.in_c;
    for (int64_t ky = 0; ky < g.filter_h; ky++) {
      const int64_t ih = oh * g.stride_h - g.pad_top + ky * g.dilation_h;
      for (int64_t kx = 0; kx < g.filter_w; kx++) {
        const int64_t iw = ow * g.stride_w - g.pad_left + kx * g.dilation_w;
        float* d = dst + (ky * g.filter_w + kx) * g.in_c;
        if (ih < 0 || ih >= g.in_h || iw < 0 || iw >= g.in_w) {
          std::memset(d, 0, g.in_c * sizeof(float));
        } else {
          std::memcpy(d, img + (ih * g.in_w + iw) * g.in_c, g.in_c * sizeof(float));
        }
      }
    }
  }
}

// Adds im2col-shaped gradients back onto the input pixels they came from.
void col2im_add(const Conv2dGeometry& g, const float* cols, int64_t r0, int64_t rows, float* dx) {
  const int64_t k = g.filter_h * g.filter_w * g.in_c;
  const int64_t plane = g.out_h * g.out_w;
  for (int64_t r = 0; r < rows; r++) {
    const int64_t p = r0 + r;
    const int64_t n = p / plane, oh = (p % plane) / g.out_w, ow = p % g.out_w;
    const float* src = cols + r * k;
    float* img = dx + n * g.in_h * g.in_w * g.in_c;
    for (int64_t ky = 0; ky < g.filter_h; ky++) {
      const int64_t ih = oh * g.stride_h - g.pad_top + ky * g.dilation_h;
      if (ih < 0 || ih >= g.in_h) continue;
      for (int64_t kx = 0; kx < g.filter_w; kx++) {
        const int64_t iw = ow * g.stride_w - g.pad_left + kx * g.dilation_w;
        if (iw < 0 || iw >= g.in_w) continue;
        const float* s = src + (ky * g.filter_w + kx) * g.in_c;
        float* d = img + (ih * g.in_w + iw) * g.in_c;
        for (int64_t c = 0; c < g.in_c; c++) d[c] += s[c];
      }
    }
  }
}

thread_local std::vector<float> tl_cols;

float* cols_buffer(size_t n) {
  if (tl_cols.size() < n) tl_cols.resize(n);
  return tl_cols.data();
}

}  // namespace

void conv2d(const Conv2dGeometry& g, const float* x, const float* w, float* y, const float* bias, int act, float alpha) {
  const int64_t k = g.filter_h * g.filter_w * g.in_c;
  const int64_t total = g.batch * g.out_h * g.out_w;
  if (total == 0 || g.out_c == 0) return;
  if (is_pointwise(g)) {
    // A 1x1 convolution is one GEMM over the input as it is.
    Sgemm s;
    s.m = total, s.n = g.out_c, s.k = k, s.a = x, s.lda = k, s.b = w, s.ldb = g.out_c, s.c = y, s.ldc = g.out_c;
    sgemm(s);
    epilogue(y, total, g.out_c, g.out_c, bias, act, alpha);
    return;
  }
  const int64_t rows = tile_rows(k);
  const int64_t tiles = (total + rows - 1) / rows;
  if (whole_gemm(tiles, total, k)) {
    std::vector<float> cols(total * k);
    parallel_for(total, 64, [&](int64_t r0, int64_t r1) { im2col(g, x, r0, r1 - r0, cols.data() + r0 * k); });
    Sgemm s;
    s.m = total, s.n = g.out_c, s.k = k, s.a = cols.data(), s.lda = k, s.b = w, s.ldb = g.out_c, s.c = y, s.ldc = g.out_c;
    sgemm(s);
    epilogue(y, total, g.out_c, g.out_c, bias, act, alpha);
    return;
  }
  parallel_for(tiles, 1, [&](int64_t t0, int64_t t1) {
    float* cols = cols_buffer(rows * k);
    for (int64_t t = t0; t < t1; t++) {
      const int64_t r0 = t * rows, nr = std::min(rows, total - r0);
      im2col(g, x, r0, nr, cols);
      Sgemm s;
      s.m = nr, s.n = g.out_c, s.k = k, s.a = cols, s.lda = k, s.b = w, s.ldb = g.out_c, s.c = y + r0 * g.out_c, s.ldc = g.out_c;
      sgemm_serial(s);
      epilogue(s.c, nr, g.out_c, g.out_c, bias, act, alpha);
    }
  });
}

void conv2d_backprop_input(const Conv2dGeometry& g, const float* dy, const float* w, float* dx) {
  const int64_t k = g.filter_h * g.filter_w * g.in_c;
  std::memset(dx, 0, sizeof(float) * g.batch * g.in_h * g.in_w * g.in_c);
  if (g.out_h * g.out_w == 0 || g.out_c == 0 || k == 0) return;
  if (is_pointwise(g)) {
    Sgemm s;
    s.trans_b = true;
    s.m = g.batch * g.out_h * g.out_w, s.n = k, s.k = g.out_c, s.a = dy, s.lda = g.out_c, s.b = w, s.ldb = g.out_c, s.c = dx, s.ldc = k;
    sgemm(s);
    return;
  }
  // Each image's pixels receive from its own output pixels only: one image per task, so the
  // scatter needs no locks.
  const int64_t plane = g.out_h * g.out_w;
  const int64_t rows = tile_rows(k);
  const int64_t total = g.batch * plane;
  // Few images, or few pixels per image (each per-image GEMM would pack the whole filter for a
  // handful of rows): one GEMM over every image.
  if ((g.batch < 2 * num_threads() || plane < rows) && total * k <= (int64_t{1} << 24)) {
    std::vector<float> cols(total * k);
    Sgemm s;
    s.trans_b = true;
    s.m = total, s.n = k, s.k = g.out_c, s.a = dy, s.lda = g.out_c, s.b = w, s.ldb = g.out_c, s.c = cols.data(), s.ldc = k;
    sgemm(s);
    parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) { col2im_add(g, cols.data() + n0 * plane * k, n0 * plane, (n1 - n0) * plane, dx); });
    return;
  }
  parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) {
    float* cols = cols_buffer(std::min(rows, plane) * k);
    for (int64_t n = n0; n < n1; n++) {
      for (int64_t r0 = n * plane; r0 < (n + 1) * plane; r0 += rows) {
        const int64_t nr = std::min(rows, (n + 1) * plane - r0);
        Sgemm s;
        s.trans_b = true;
        s.m = nr, s.n = k, s.k = g.out_c, s.a = dy + r0 * g.out_c, s.lda = g.out_c, s.b = w, s.ldb = g.out_c, s.c = cols, s.ldc = k;
        sgemm_serial(s);
        col2im_add(g, cols, r0, nr, dx);
      }
    }
  });
}

void conv2d_backprop_filter(const Conv2dGeometry& g, const float* x, const float* dy, float* dw) {
  const int64_t k = g.filter_h * g.filter_w * g.in_c;
  const int64_t total = g.batch * g.out_h * g.out_w;
  std::memset(dw, 0, sizeof(float) * k * g.out_c);
  if (total == 0 || k == 0 || g.out_c == 0) return;
  if (is_pointwise(g)) {
    Sgemm s;
    s.trans_a = true;
    s.m = k, s.n = g.out_c, s.k = total, s.a = x, s.lda = k, s.b = dy, s.ldb = g.out_c, s.c = dw, s.ldc = g.out_c;
    sgemm(s);
    return;
  }
  const int64_t rows = tile_rows(k);
  const int64_t tiles = (total + rows - 1) / rows;
  if (whole_gemm(tiles, total, k)) {
    std::vector<float> cols(total * k);
    parallel_for(total, 64, [&](int64_t r0, int64_t r1) { im2col(g, x, r0, r1 - r0, cols.data() + r0 * k); });
    Sgemm s;
    s.trans_a = true;
    s.m = k, s.n = g.out_c, s.k = total, s.a = cols.data(), s.lda = k, s.b = dy, s.ldb = g.out_c, s.c = dw, s.ldc = g.out_c;
    sgemm(s);
    return;
  }
  const int nt = static_cast<int>(std::min<int64_t>(tiles, num_threads()));
  // Each thread sums its tiles into its own copy of dw; the copies are added at the end.
  std::vector<std::vector<float>> partial(nt > 1 ? nt - 1 : 0, std::vector<float>(k * g.out_c, 0.0f));
  run_parallel(nt, [&](int tid, int threads) {
    float* acc = tid == 0 ? dw : partial[tid - 1].data();
    float* cols = cols_buffer(rows * k);
    for (int64_t t = tiles * tid / threads; t < tiles * (tid + 1) / threads; t++) {
      const int64_t r0 = t * rows, nr = std::min(rows, total - r0);
      im2col(g, x, r0, nr, cols);
      Sgemm s;
      s.trans_a = true;
      s.m = k, s.n = g.out_c, s.k = nr, s.a = cols, s.lda = k, s.b = dy + r0 * g.out_c, s.ldb = g.out_c, s.beta = 1.0f, s.c = acc,
      s.ldc = g.out_c;
      sgemm_serial(s);
    }
  });
  for (auto& p : partial)
    for (int64_t i = 0; i < k * g.out_c; i++) dw[i] += p[i];
}

}  // namespace dlnative
