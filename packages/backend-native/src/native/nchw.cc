#include "nchw.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "gemm.h"
#include "simd.h"
#include "thread_pool.h"

namespace dlnative {
namespace {

// Small images (deep layers) go through one GEMM per group for the whole batch (the filter
// packed once, wide enough to thread well) while its im2col buffer stays under this many floats.
constexpr int64_t kBatchedLimit = int64_t{1} << 22;

// Scratch buffers of the calling thread, kept between calls (a training step reuses the same
// sizes: no page faults for fresh allocations every call).
thread_local std::vector<float> tl_cols, tl_tmp;

float* scratch(std::vector<float>& v, size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

// GEMM for one task: the whole pool when the caller is not itself a pool task (`outer`), else
// this thread only.
void gemm_task(const Sgemm& s, bool outer) {
  if (outer) sgemm(s);
  else sgemm_serial(s);
}

// Output positions [lo, hi) along one axis whose tap `off + o * stride` lies in [0, size).
inline void valid_range(int64_t off, int64_t stride, int64_t size, int64_t out, int64_t* lo, int64_t* hi) {
  int64_t l = off >= 0 ? 0 : (-off + stride - 1) / stride;
  int64_t h = size - 1 - off < 0 ? 0 : (size - 1 - off) / stride + 1;
  h = std::min(h, out);
  l = std::min(l, h);
  *lo = l;
  *hi = h;
}

bool pointwise(const ConvNchwGeometry& g) {
  return g.filter_h == 1 && g.filter_w == 1 && g.stride_h == 1 && g.stride_w == 1 && g.pad_top == 0 && g.pad_left == 0 && g.out_h == g.in_h &&
         g.out_w == g.in_w;
}

// The im2col matrix of channels [c0, c0 + cg) of one image: row (c, ky, kx), column oh * OW + ow,
// written at `cols` with row stride `ld`.
void im2col(const ConvNchwGeometry& g, const float* img, int64_t cg, float* cols, int64_t ld) {
  const int64_t hw = g.in_h * g.in_w;
  for (int64_t c = 0; c < cg; c++) {
    const float* plane = img + c * hw;
    for (int64_t ky = 0; ky < g.filter_h; ky++) {
      for (int64_t kx = 0; kx < g.filter_w; kx++) {
        float* dst = cols + ((c * g.filter_h + ky) * g.filter_w + kx) * ld;
        const int64_t off_w = kx * g.dilation_w - g.pad_left;
        int64_t lo, hi;
        valid_range(off_w, g.stride_w, g.in_w, g.out_w, &lo, &hi);
        for (int64_t oh = 0; oh < g.out_h; oh++) {
          float* d = dst + oh * g.out_w;
          const int64_t ih = oh * g.stride_h - g.pad_top + ky * g.dilation_h;
          if (ih < 0 || ih >= g.in_h) {
            std::memset(d, 0, sizeof(float) * g.out_w);
            continue;
          }
          const float* row = plane + ih * g.in_w + off_w;
          for (int64_t ow = 0; ow < lo; ow++) d[ow] = 0.0f;
          if (g.stride_w == 1) {
            if (hi > lo) std::memcpy(d + lo, row + lo, sizeof(float) * (hi - lo));
          } else {
            for (int64_t ow = lo; ow < hi; ow++) d[ow] = row[ow * g.stride_w];
          }
          for (int64_t ow = hi; ow < g.out_w; ow++) d[ow] = 0.0f;
        }
      }
    }
  }
}

// The adjoint of im2col: adds the columns back onto the image's pixels.
void col2im(const ConvNchwGeometry& g, const float* cols, int64_t ld, int64_t cg, float* img) {
  const int64_t hw = g.in_h * g.in_w;
  for (int64_t c = 0; c < cg; c++) {
    float* plane = img + c * hw;
    for (int64_t ky = 0; ky < g.filter_h; ky++) {
      for (int64_t kx = 0; kx < g.filter_w; kx++) {
        const float* src = cols + ((c * g.filter_h + ky) * g.filter_w + kx) * ld;
        const int64_t off_w = kx * g.dilation_w - g.pad_left;
        int64_t lo, hi;
        valid_range(off_w, g.stride_w, g.in_w, g.out_w, &lo, &hi);
        for (int64_t oh = 0; oh < g.out_h; oh++) {
          const int64_t ih = oh * g.stride_h - g.pad_top + ky * g.dilation_h;
          if (ih < 0 || ih >= g.in_h) continue;
          const float* s = src + oh * g.out_w;
          float* row = plane + ih * g.in_w + off_w;
          if (g.stride_w == 1) {
            for (int64_t ow = lo; ow < hi; ow++) row[ow] += s[ow];
          } else {
            for (int64_t ow = lo; ow < hi; ow++) row[ow * g.stride_w] += s[ow];
          }
        }
      }
    }
  }
}

// Sums with eight independent accumulators (vectorised without reassociating a single chain).
DL_CLONES float sum_of(const float* p, int64_t n) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int64_t j = 0;
  for (; j + 8 <= n; j += 8)
    for (int l = 0; l < 8; l++) acc[l] += p[j + l];
  float t = 0.0f;
  for (; j < n; j++) t += p[j];
  return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])) + t;
}

// Sum of (p - m)^2.
DL_CLONES float sq_dev_of(const float* p, float m, int64_t n) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int64_t j = 0;
  for (; j + 8 <= n; j += 8)
    for (int l = 0; l < 8; l++) {
      const float d = p[j + l] - m;
      acc[l] += d * d;
    }
  float t = 0.0f;
  for (; j < n; j++) t += (p[j] - m) * (p[j] - m);
  return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])) + t;
}

// Sum of d and of d * (p - m).
DL_CLONES void dy_sums(const float* d, const float* p, float m, int64_t n, float* sd, float* sdx) {
  float a[8] = {0, 0, 0, 0, 0, 0, 0, 0}, b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int64_t j = 0;
  for (; j + 8 <= n; j += 8)
    for (int l = 0; l < 8; l++) {
      a[l] += d[j + l];
      b[l] += d[j + l] * (p[j + l] - m);
    }
  float ta = 0.0f, tb = 0.0f;
  for (; j < n; j++) {
    ta += d[j];
    tb += d[j] * (p[j] - m);
  }
  *sd = ((a[0] + a[4]) + (a[1] + a[5])) + ((a[2] + a[6]) + (a[3] + a[7])) + ta;
  *sdx = ((b[0] + b[4]) + (b[1] + b[5])) + ((b[2] + b[6]) + (b[3] + b[7])) + tb;
}

DL_CLONES void affine_row(const float* p, float* q, float scale, float shift, int64_t n) {
  for (int64_t j = 0; j < n; j++) q[j] = p[j] * scale + shift;
}

DL_CLONES void bn_grad_row(const float* d, const float* p, float* q, float m, float mean_dy, float k, float scale, int64_t n) {
  for (int64_t j = 0; j < n; j++) q[j] = (d[j] - mean_dy - (p[j] - m) * k) * scale;
}

int64_t plane_grain(int64_t work_per_plane) { return std::max<int64_t>(1, (int64_t{1} << 15) / std::max<int64_t>(work_per_plane, 1)); }


struct ConvDims {
  int64_t cg, og, k, p, hw;
};

ConvDims dims_of(const ConvNchwGeometry& g) {
  const int64_t cg = g.in_c / g.groups, og = g.out_c / g.groups;
  return {cg, og, cg * g.filter_h * g.filter_w, g.out_h * g.out_w, g.in_h * g.in_w};
}

bool batched(const ConvNchwGeometry& g, const ConvDims& d) {
  if (g.strategy != 0) return g.strategy == 1;
  // Images of 64 pixels or more make GEMMs wide enough on their own, and their im2col buffer
  // stays in cache (measured on ResNet-18's and a small CNN's layers); smaller ones (deep
  // layers) share one GEMM so the filter is packed once for all of them.
  return d.p < 64 && d.k * g.batch * d.p <= kBatchedLimit;
}

// Fills cols [K x N*P] (column n * P + p) with the im2col matrices of group `grp` of every image.
void im2col_batch(const ConvNchwGeometry& g, const ConvDims& d, const float* x, int64_t grp, float* cols) {
  const int64_t np = g.batch * d.p;
  parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; n++) im2col(g, x + (n * g.in_c + grp * d.cg) * d.hw, d.cg, cols + n * d.p, np);
  });
}

// dst [Og x N*P] (column n * P + p) = channels [grp * Og, (grp + 1) * Og) of src [N, O, P].
void gather_group(const ConvNchwGeometry& g, const ConvDims& d, const float* src, int64_t grp, float* dst) {
  const int64_t np = g.batch * d.p;
  parallel_for(d.og, std::max<int64_t>(1, 4096 / std::max<int64_t>(np, 1)), [&](int64_t o0, int64_t o1) {
    for (int64_t o = o0; o < o1; o++)
      for (int64_t n = 0; n < g.batch; n++) std::memcpy(dst + o * np + n * d.p, src + (n * g.out_c + grp * d.og + o) * d.p, sizeof(float) * d.p);
  });
}

}  // namespace

void conv2d_nchw(const ConvNchwGeometry& g, const float* x, const float* w, const float* bias, float* y) {
  const ConvDims d = dims_of(g);
  if (g.batch * g.out_c * d.p == 0) return;
  if (d.k == 0) {
    for (int64_t n = 0; n < g.batch; n++)
      for (int64_t o = 0; o < g.out_c; o++) std::fill(y + (n * g.out_c + o) * d.p, y + (n * g.out_c + o + 1) * d.p, bias ? bias[o] : 0.0f);
    return;
  }
  if (batched(g, d)) {
    const int64_t np = g.batch * d.p;
    float* cols = scratch(tl_cols, d.k * np);
    float* tmp = scratch(tl_tmp, d.og * np);
    for (int64_t grp = 0; grp < g.groups; grp++) {
      im2col_batch(g, d, x, grp, cols);
      Sgemm s;
      s.m = d.og, s.n = np, s.k = d.k, s.a = w + grp * d.og * d.k, s.lda = d.k, s.b = cols, s.ldb = np, s.c = tmp, s.ldc = np;
      sgemm(s);
      // tmp [Og x N*P] back to y [N, O, P], adding the bias.
      parallel_for(g.batch * d.og, std::max<int64_t>(1, 4096 / d.p), [&](int64_t r0, int64_t r1) {
        for (int64_t r = r0; r < r1; r++) {
          const int64_t n = r / d.og, o = r % d.og, oc = grp * d.og + o;
          const float* src = tmp + o * np + n * d.p;
          float* dst = y + (n * g.out_c + oc) * d.p;
          if (bias) {
            const float b = bias[oc];
            for (int64_t p = 0; p < d.p; p++) dst[p] = src[p] + b;
          } else {
            std::memcpy(dst, src, sizeof(float) * d.p);
          }
        }
      });
    }
    return;
  }
  // Image by image: in parallel over (image, group) tasks when there are enough of them, else
  // one task at a time with a threaded GEMM.
  const int64_t tasks = g.batch * g.groups;
  const bool outer = num_threads() == 1 || tasks < num_threads();
  auto task = [&](int64_t t, bool whole_pool) {
    const int64_t n = t / g.groups, grp = t % g.groups;
    const float* img = x + (n * g.in_c + grp * d.cg) * d.hw;
    const float* b = img;
    if (!pointwise(g)) {
      float* cols = scratch(tl_cols, d.k * d.p);
      im2col(g, img, d.cg, cols, d.p);
      b = cols;
    }
    float* out = y + (n * g.out_c + grp * d.og) * d.p;
    Sgemm s;
    s.m = d.og, s.n = d.p, s.k = d.k, s.a = w + grp * d.og * d.k, s.lda = d.k, s.b = b, s.ldb = d.p, s.c = out, s.ldc = d.p;
    gemm_task(s, whole_pool);
    if (bias)
      for (int64_t o = 0; o < d.og; o++) {
        const float bv = bias[grp * d.og + o];
        for (int64_t p = 0; p < d.p; p++) out[o * d.p + p] += bv;
      }
  };
  if (outer) {
    for (int64_t t = 0; t < tasks; t++) task(t, true);
  } else {
    parallel_for(tasks, 1, [&](int64_t t0, int64_t t1) {
      for (int64_t t = t0; t < t1; t++) task(t, false);
    });
  }
}

void conv2d_nchw_backprop_input(const ConvNchwGeometry& g, const float* dy, const float* w, float* dx) {
  const ConvDims d = dims_of(g);
  std::memset(dx, 0, sizeof(float) * g.batch * g.in_c * d.hw);
  if (g.batch * d.p == 0 || d.k == 0 || d.og == 0) return;
  if (batched(g, d)) {
    const int64_t np = g.batch * d.p;
    float* cols = scratch(tl_cols, d.k * np);
    float* dyg = scratch(tl_tmp, d.og * np);
    for (int64_t grp = 0; grp < g.groups; grp++) {
      gather_group(g, d, dy, grp, dyg);
      Sgemm s;
      s.trans_a = true;
      s.m = d.k, s.n = np, s.k = d.og, s.a = w + grp * d.og * d.k, s.lda = d.k, s.b = dyg, s.ldb = np, s.c = cols, s.ldc = np;
      sgemm(s);
      parallel_for(g.batch, 1, [&](int64_t n0, int64_t n1) {
        for (int64_t n = n0; n < n1; n++) col2im(g, cols + n * d.p, np, d.cg, dx + (n * g.in_c + grp * d.cg) * d.hw);
      });
    }
    return;
  }
  const int64_t tasks = g.batch * g.groups;
  const bool outer = num_threads() == 1 || tasks < num_threads();
  auto task = [&](int64_t t, bool whole_pool) {
    const int64_t n = t / g.groups, grp = t % g.groups;
    float* img = dx + (n * g.in_c + grp * d.cg) * d.hw;
    float* cols = scratch(tl_cols, d.k * d.p);
    Sgemm s;
    s.trans_a = true;
    s.m = d.k, s.n = d.p, s.k = d.og, s.a = w + grp * d.og * d.k, s.lda = d.k, s.b = dy + (n * g.out_c + grp * d.og) * d.p, s.ldb = d.p;
    s.c = cols, s.ldc = d.p;
    gemm_task(s, whole_pool);
    col2im(g, cols, d.p, d.cg, img);
  };
  if (outer) {
    for (int64_t t = 0; t < tasks; t++) task(t, true);
  } else {
    // Tasks write disjoint channels of disjoint images: no locks.
    parallel_for(tasks, 1, [&](int64_t t0, int64_t t1) {
      for (int64_t t = t0; t < t1; t++) task(t, false);
    });
  }
}

void conv2d_nchw_backprop_filter(const ConvNchwGeometry& g, const float* x, const float* dy, float* dw, float* dbias) {
  const ConvDims d = dims_of(g);
  std::memset(dw, 0, sizeof(float) * g.out_c * d.k);
  if (dbias) {
    parallel_for(g.out_c, 1, [&](int64_t o0, int64_t o1) {
      for (int64_t o = o0; o < o1; o++) {
        double acc = 0.0;
        for (int64_t n = 0; n < g.batch; n++) {
          acc += sum_of(dy + (n * g.out_c + o) * d.p, d.p);
        }
        dbias[o] = static_cast<float>(acc);
      }
    });
  }
  if (g.batch * d.p == 0 || d.k == 0 || d.og == 0) return;
  if (batched(g, d)) {
    const int64_t np = g.batch * d.p;
    float* cols = scratch(tl_cols, d.k * np);
    float* dyg = scratch(tl_tmp, d.og * np);
    for (int64_t grp = 0; grp < g.groups; grp++) {
      im2col_batch(g, d, x, grp, cols);
      gather_group(g, d, dy, grp, dyg);
      Sgemm s;
      s.trans_b = true;
      s.m = d.og, s.n = d.k, s.k = np, s.a = dyg, s.lda = np, s.b = cols, s.ldb = np, s.c = dw + grp * d.og * d.k, s.ldc = d.k;
      sgemm(s);
    }
    return;
  }
  const int64_t tasks = g.batch * g.groups;
  const int nt = static_cast<int>(std::min<int64_t>(num_threads(), g.batch));
  auto image = [&](int64_t n, float* acc, bool whole_pool) {
    for (int64_t grp = 0; grp < g.groups; grp++) {
      const float* img = x + (n * g.in_c + grp * d.cg) * d.hw;
      const float* b = img;
      if (!pointwise(g)) {
        float* cols = scratch(tl_cols, d.k * d.p);
        im2col(g, img, d.cg, cols, d.p);
        b = cols;
      }
      Sgemm s;
      s.trans_b = true;
      s.m = d.og, s.n = d.k, s.k = d.p, s.a = dy + (n * g.out_c + grp * d.og) * d.p, s.lda = d.p, s.b = b, s.ldb = d.p, s.beta = 1.0f;
      s.c = acc + grp * d.og * d.k, s.ldc = d.k;
      gemm_task(s, whole_pool);
    }
  };
  if (nt <= 1 || tasks < num_threads()) {
    for (int64_t n = 0; n < g.batch; n++) image(n, dw, true);
    return;
  }
  // Each thread sums its images into its own copy of dw; the copies are added at the end.
  const int64_t size = g.out_c * d.k;
  std::vector<float> partial(static_cast<size_t>(nt - 1) * size, 0.0f);
  run_parallel(nt, [&](int tid, int parts) {
    float* acc = tid == 0 ? dw : partial.data() + (tid - 1) * size;
    for (int64_t n = g.batch * tid / parts; n < g.batch * (tid + 1) / parts; n++) image(n, acc, false);
  });
  for (int t = 0; t < nt - 1; t++) {
    const float* p = partial.data() + t * size;
    for (int64_t i = 0; i < size; i++) dw[i] += p[i];
  }
}


namespace {

// The taps of each output position along one axis that lie inside the input, packed:
// taps[start[o] .. start[o + 1]) for output o (so the inner loops need no bounds checks).
struct ValidTaps {
  std::vector<int64_t> start, taps;
};

ValidTaps valid_taps(const int32_t* table, int64_t out, int64_t k, int64_t size) {
  ValidTaps v;
  v.start.resize(out + 1);
  v.taps.reserve(out * k);
  for (int64_t o = 0; o < out; o++) {
    v.start[o] = static_cast<int64_t>(v.taps.size());
    for (int64_t j = 0; j < k; j++) {
      const int64_t t = table[o * k + j];
      if (t >= 0 && t < size) v.taps.push_back(t);
    }
  }
  v.start[out] = static_cast<int64_t>(v.taps.size());
  return v;
}

}  // namespace

namespace {

// The maximum of one window (taps rows x cols, all inside the plane) and PyTorch's index for it.
inline void max_one(const float* plane, int64_t in_w, const int64_t* rows, int64_t nrows, const int64_t* cols, int64_t ncols, float* out,
                    int32_t* at) {
  // The maximum first (branch-free), then the first tap holding it: comparisons of random data
  // mispredict half the time when the index is tracked as they go.
  float best = -std::numeric_limits<float>::infinity();
  bool nan = false;
  for (int64_t i = 0; i < nrows; i++) {
    const float* row = plane + rows[i] * in_w;
    for (int64_t j = 0; j < ncols; j++) {
      const float v = row[cols[j]];
      best = v > best ? v : best;
      nan |= v != v;
    }
  }
  // A window of nothing above -inf points at its first tap inside the plane (PyTorch's).
  int64_t where = nrows && ncols ? rows[0] * in_w + cols[0] : 0;
  if (nan) {
    // PyTorch's rule (`val > max || isnan(val)`) leaves the index at the last NaN.
    best = std::numeric_limits<float>::quiet_NaN();
    for (int64_t i = 0; i < nrows; i++) {
      const float* row = plane + rows[i] * in_w;
      for (int64_t j = 0; j < ncols; j++)
        if (row[cols[j]] != row[cols[j]]) where = rows[i] * in_w + cols[j];
    }
  } else {
    // The first tap holding the maximum: scanned backwards with selects.
    for (int64_t i = nrows - 1; i >= 0; i--) {
      const int64_t base = rows[i] * in_w;
      const float* row = plane + base;
      for (int64_t j = ncols - 1; j >= 0; j--) where = row[cols[j]] == best ? base + cols[j] : where;
    }
  }
  *out = best;
  *at = static_cast<int32_t>(where);
}

// Column windows that slide regularly (tap j of output o at c0 + o * stride + j * dilation), and
// the outputs [lo, hi) whose taps all lie inside the plane.
struct RegularCols {
  bool regular = false;
  int64_t c0 = 0, stride = 0, dilation = 0, lo = 0, hi = 0;
};

RegularCols regular_cols(const WindowGeometry& g) {
  RegularCols r;
  if (g.out_w < 2 || g.kw < 1) return r;
  r.c0 = g.cols[0];
  r.stride = g.cols[g.kw] - g.cols[0];
  r.dilation = g.kw > 1 ? g.cols[1] - g.cols[0] : 1;
  if (r.stride < 1 || r.dilation < 1) return r;
  for (int64_t o = 0; o < g.out_w; o++)
    for (int64_t j = 0; j < g.kw; j++)
      if (g.cols[o * g.kw + j] != r.c0 + o * r.stride + j * r.dilation) return r;
  // Inside: c0 + o * stride >= 0 and c0 + o * stride + (kw - 1) * dilation < W.
  int64_t lo = 0;
  while (lo < g.out_w && r.c0 + lo * r.stride < 0) lo++;
  int64_t hi = lo;
  while (hi < g.out_w && r.c0 + hi * r.stride + (g.kw - 1) * r.dilation < g.in_w) hi++;
  r.lo = lo, r.hi = hi, r.regular = hi > lo;
  return r;
}

}  // namespace

void window_max(const WindowGeometry& g, const float* x, float* y, int32_t* idx) {
  const int64_t hw = g.in_h * g.in_w, ohw = g.out_h * g.out_w;
  const ValidTaps vr = valid_taps(g.rows, g.out_h, g.kh, g.in_h), vc = valid_taps(g.cols, g.out_w, g.kw, g.in_w);
  const RegularCols rc = regular_cols(g);
  parallel_for(g.planes, plane_grain(ohw * g.kh * g.kw), [&](int64_t p0, int64_t p1) {
    std::vector<float> best(rc.regular ? g.out_w : 0);
    std::vector<uint8_t> nan(best.size());
    std::vector<int32_t> where(best.size());
    for (int64_t pl = p0; pl < p1; pl++) {
      const float* plane = x + pl * hw;
      float* out = y + pl * ohw;
      int32_t* at = idx + pl * ohw;
      for (int64_t oh = 0; oh < g.out_h; oh++) {
        const int64_t* rows = vr.taps.data() + vr.start[oh];
        const int64_t nrows = vr.start[oh + 1] - vr.start[oh];
        const int64_t lo = rc.regular && nrows > 0 ? rc.lo : g.out_w, hi = rc.regular && nrows > 0 ? rc.hi : g.out_w;
        for (int64_t ow = 0; ow < lo; ow++)
          max_one(plane, g.in_w, rows, nrows, vc.taps.data() + vc.start[ow], vc.start[ow + 1] - vc.start[ow], out + oh * g.out_w + ow,
                  at + oh * g.out_w + ow);
        if (lo < hi) {
          // The interior of a row of regular windows: one tap for every output at a time, so
          // the inner loops run along the row.
          const int64_t n = hi - lo, s = rc.stride;
          float* b = best.data() + lo;
          uint8_t* nn = nan.data() + lo;
          int32_t* w = where.data() + lo;
          std::fill(b, b + n, -std::numeric_limits<float>::infinity());
          std::fill(nn, nn + n, uint8_t{0});
          for (int64_t i = 0; i < nrows; i++) {
            for (int64_t j = 0; j < g.kw; j++) {
              const float* p = plane + rows[i] * g.in_w + rc.c0 + lo * s + j * rc.dilation;
              for (int64_t o = 0; o < n; o++) {
                const float v = p[o * s];
                b[o] = v > b[o] ? v : b[o];
                nn[o] |= v != v;
              }
            }
          }
          for (int64_t i = nrows - 1; i >= 0; i--) {
            for (int64_t j = g.kw - 1; j >= 0; j--) {
              const int64_t base = rows[i] * g.in_w + rc.c0 + lo * s + j * rc.dilation;
              const float* p = plane + base;
              for (int64_t o = 0; o < n; o++) w[o] = p[o * s] == b[o] ? static_cast<int32_t>(base + o * s) : w[o];
            }
          }
          for (int64_t o = 0; o < n; o++) {
            const int64_t ow = lo + o;
            if (nn[o]) {
              max_one(plane, g.in_w, rows, nrows, vc.taps.data() + vc.start[ow], vc.start[ow + 1] - vc.start[ow], out + oh * g.out_w + ow,
                      at + oh * g.out_w + ow);
            } else {
              out[oh * g.out_w + ow] = b[o];
              at[oh * g.out_w + ow] = w[o];
            }
          }
        }
        for (int64_t ow = hi; ow < g.out_w; ow++)
          max_one(plane, g.in_w, rows, nrows, vc.taps.data() + vc.start[ow], vc.start[ow + 1] - vc.start[ow], out + oh * g.out_w + ow,
                  at + oh * g.out_w + ow);
      }
    }
  });
}

void window_max_grad(int64_t planes, int64_t in_size, int64_t out_size, const float* dy, const int32_t* idx, float* dx) {
  parallel_for(planes, plane_grain(in_size + out_size), [&](int64_t p0, int64_t p1) {
    for (int64_t pl = p0; pl < p1; pl++) {
      float* plane = dx + pl * in_size;
      std::memset(plane, 0, sizeof(float) * in_size);
      const float* d = dy + pl * out_size;
      const int32_t* at = idx + pl * out_size;
      for (int64_t o = 0; o < out_size; o++) plane[at[o]] += d[o];
    }
  });
}

void window_avg(const WindowGeometry& g, const float* x, const float* scale, float* y) {
  const int64_t hw = g.in_h * g.in_w, ohw = g.out_h * g.out_w;
  const ValidTaps vr = valid_taps(g.rows, g.out_h, g.kh, g.in_h), vc = valid_taps(g.cols, g.out_w, g.kw, g.in_w);
  parallel_for(g.planes, plane_grain(ohw * g.kh * g.kw), [&](int64_t p0, int64_t p1) {
    for (int64_t pl = p0; pl < p1; pl++) {
      const float* plane = x + pl * hw;
      float* out = y + pl * ohw;
      for (int64_t oh = 0; oh < g.out_h; oh++) {
        for (int64_t ow = 0; ow < g.out_w; ow++) {
          float sum = 0.0f;
          for (int64_t i = vr.start[oh]; i < vr.start[oh + 1]; i++) {
            const float* row = plane + vr.taps[i] * g.in_w;
            for (int64_t j = vc.start[ow]; j < vc.start[ow + 1]; j++) sum += row[vc.taps[j]];
          }
          out[oh * g.out_w + ow] = sum * scale[oh * g.out_w + ow];
        }
      }
    }
  });
}

void window_avg_grad(const WindowGeometry& g, const float* dy, const float* scale, float* dx) {
  const int64_t hw = g.in_h * g.in_w, ohw = g.out_h * g.out_w;
  const ValidTaps vr = valid_taps(g.rows, g.out_h, g.kh, g.in_h), vc = valid_taps(g.cols, g.out_w, g.kw, g.in_w);
  parallel_for(g.planes, plane_grain(hw + ohw * g.kh * g.kw), [&](int64_t p0, int64_t p1) {
    for (int64_t pl = p0; pl < p1; pl++) {
      float* plane = dx + pl * hw;
      std::memset(plane, 0, sizeof(float) * hw);
      const float* d = dy + pl * ohw;
      for (int64_t oh = 0; oh < g.out_h; oh++) {
        for (int64_t ow = 0; ow < g.out_w; ow++) {
          const float v = d[oh * g.out_w + ow] * scale[oh * g.out_w + ow];
          for (int64_t i = vr.start[oh]; i < vr.start[oh + 1]; i++) {
            float* row = plane + vr.taps[i] * g.in_w;
            for (int64_t j = vc.start[ow]; j < vc.start[ow + 1]; j++) row[vc.taps[j]] += v;
          }
        }
      }
    }
  });
}

void batch_norm_train(int64_t n, int64_t c, int64_t s, const float* x, const float* weight, const float* bias, float eps, float* y,
                      float* mean, float* var, float* invstd) {
  const int64_t count = n * s;
  parallel_for(c, std::max<int64_t>(1, (int64_t{1} << 14) / std::max<int64_t>(count, 1)), [&](int64_t c0, int64_t c1) {
    for (int64_t ch = c0; ch < c1; ch++) {
      double sum = 0.0;
      for (int64_t i = 0; i < n; i++) {
        sum += sum_of(x + (i * c + ch) * s, s);
      }
      const double m = count ? sum / static_cast<double>(count) : 0.0;
      const float mf = static_cast<float>(m);
      double sq = 0.0;
      for (int64_t i = 0; i < n; i++) {
        sq += sq_dev_of(x + (i * c + ch) * s, mf, s);
      }
      const double v = count ? sq / static_cast<double>(count) : 0.0;
      const float is = static_cast<float>(1.0 / std::sqrt(v + static_cast<double>(eps)));
      mean[ch] = mf;
      var[ch] = static_cast<float>(v);
      invstd[ch] = is;
      const float scale = weight ? weight[ch] * is : is;
      const float shift = (bias ? bias[ch] : 0.0f) - mf * scale;
      for (int64_t i = 0; i < n; i++) {
        affine_row(x + (i * c + ch) * s, y + (i * c + ch) * s, scale, shift, s);
      }
    }
  });
}

void batch_norm_train_grad(int64_t n, int64_t c, int64_t s, const float* dy, const float* x, const float* mean, const float* invstd,
                           const float* weight, float* dx, float* dweight, float* dbias) {
  const int64_t count = n * s;
  parallel_for(c, std::max<int64_t>(1, (int64_t{1} << 14) / std::max<int64_t>(count, 1)), [&](int64_t c0, int64_t c1) {
    for (int64_t ch = c0; ch < c1; ch++) {
      const float m = mean[ch], is = invstd[ch];
      double sum_dy = 0.0, sum_dy_xmu = 0.0;
      for (int64_t i = 0; i < n; i++) {
        float a, b;
        dy_sums(dy + (i * c + ch) * s, x + (i * c + ch) * s, m, s, &a, &b);
        sum_dy += a;
        sum_dy_xmu += b;
      }
      if (dbias) dbias[ch] = static_cast<float>(sum_dy);
      if (dweight) dweight[ch] = static_cast<float>(sum_dy_xmu * is);
      if (!dx) continue;
      const float w = weight ? weight[ch] : 1.0f;
      const float mean_dy = count ? static_cast<float>(sum_dy / static_cast<double>(count)) : 0.0f;
      const float k = count ? static_cast<float>(sum_dy_xmu / static_cast<double>(count)) * is * is : 0.0f;
      const float scale = is * w;
      for (int64_t i = 0; i < n; i++) {
        bn_grad_row(dy + (i * c + ch) * s, x + (i * c + ch) * s, dx + (i * c + ch) * s, m, mean_dy, k, scale, s);
      }
    }
  });
}

}  // namespace dlnative
