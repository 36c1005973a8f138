// The N-API surface of the addon. Every kernel reads and writes the typed arrays JavaScript
// passes (the tfjs cpu backend's tensor storage) in place; the TypeScript side checks shapes
// and dtypes, and the functions here check that each array is long enough before touching it.
#include <napi.h>

#include <string>

#include "blas.h"
#include "conv.h"
#include "copy.h"
#include "cpu_features.h"
#include "elementwise.h"
#include "gemm.h"
#include "loss.h"
#include "nchw.h"
#include "optim.h"
#include "pool.h"
#include "reduce.h"
#include "thread_pool.h"

namespace {

using namespace dlnative;

struct View {
  void* data;
  size_t length;  // elements
  size_t elem_size;
};

View view(const Napi::CallbackInfo& info, size_t i, const char* name) {
  Napi::Value v = info[i];
  if (!v.IsTypedArray()) throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a typed array");
  auto t = v.As<Napi::TypedArray>();
  auto* base = static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
  return {base, t.ElementLength(), t.ByteLength() / (t.ElementLength() ? t.ElementLength() : 1)};
}

template <typename T>
T* data(const Napi::CallbackInfo& info, size_t i, const char* name, int64_t need) {
  View v = view(info, i, name);
  if (need > 0 && v.length < static_cast<size_t>(need)) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + " has " + std::to_string(v.length) + " elements, needs " + std::to_string(need));
  }
  if (v.length && v.elem_size != sizeof(T)) throw Napi::TypeError::New(info.Env(), std::string(name) + " has the wrong element type");
  return static_cast<T*>(v.data);
}

template <typename T>
const T* optional(const Napi::CallbackInfo& info, size_t i, const char* name, int64_t need) {
  if (info[i].IsNull() || info[i].IsUndefined()) return nullptr;
  return data<T>(info, i, name, need);
}

int64_t integer(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a number");
  return info[i].As<Napi::Number>().Int64Value();
}

double number(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().DoubleValue(); }

bool boolean(const Napi::CallbackInfo& info, size_t i) { return info[i].ToBoolean().Value(); }

// Small integer vectors (shapes, strides, geometry) come as Int32Arrays.
int ints(const Napi::CallbackInfo& info, size_t i, int64_t* out, int max) {
  View v = view(info, i, "shape");
  if (v.elem_size != 4 || static_cast<int>(v.length) > max) throw Napi::RangeError::New(info.Env(), "expected an Int32Array of at most 8 values");
  const auto* p = static_cast<const int32_t*>(v.data);
  for (size_t j = 0; j < v.length; j++) out[j] = p[j];
  return static_cast<int>(v.length);
}

int64_t product(const int64_t* shape, int rank) {
  int64_t n = 1;
  for (int d = 0; d < rank; d++) n *= shape[d];
  return n;
}

// Highest index + 1 a strided view reads.
int64_t extent(const int64_t* shape, const int64_t* strides, int rank) {
  int64_t e = 1;
  for (int d = 0; d < rank; d++) {
    if (shape[d] == 0) return 0;
    e += (shape[d] - 1) * strides[d];
  }
  return e;
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object o = Napi::Object::New(env);
  KernelSpec ks = active_gemm_kernel();
  o.Set("isa", isa_name(active_isa()));
  o.Set("detectedIsa", isa_name(detected_isa()));
  o.Set("gemmKernel", ks.name);
  o.Set("threads", num_threads());
  o.Set("defaultThreads", default_num_threads());
  std::string blas = blas_name();
  o.Set("blas", blas.empty() ? env.Null() : Napi::String::New(env, blas));
  o.Set("blasConfig", blas_config());
  return o;
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  set_num_threads(static_cast<int>(integer(info, 0)));
  return Napi::Number::New(info.Env(), num_threads());
}

Napi::Value SetIsa(const Napi::CallbackInfo& info) {
  std::string name = info[0].As<Napi::String>();
  Isa isa = name == "avx512" ? Isa::kAvx512 : name == "avx2" ? Isa::kAvx2 : Isa::kGeneric;
  return Napi::Boolean::New(info.Env(), set_isa(isa));
}

Napi::Value SetBlas(const Napi::CallbackInfo& info) {
  std::string choice = info[0].As<Napi::String>();
  std::string error;
  bool ok = blas_select(choice, &error);
  if (!ok) return Napi::String::New(info.Env(), error.empty() ? "no optimised BLAS found" : error);
  return info.Env().Null();
}

// matmul(a, b, out, batchA, batchB, batch, m, n, k, transA, transB, bias|null, act, alpha, builtin)
// Output batch i multiplies batch i % batchA of a by batch i % batchB of b (tfjs's rule).
void Matmul(const Napi::CallbackInfo& info) {
  const int64_t batch_a = integer(info, 3), batch_b = integer(info, 4), batch = integer(info, 5);
  const int64_t m = integer(info, 6), n = integer(info, 7), k = integer(info, 8);
  const bool ta = boolean(info, 9), tb = boolean(info, 10);
  const float* a = data<float>(info, 0, "a", batch_a * m * k);
  const float* b = data<float>(info, 1, "b", batch_b * k * n);
  float* c = data<float>(info, 2, "out", batch * m * n);
  const float* bias = optional<float>(info, 11, "bias", n);
  const int act = static_cast<int>(integer(info, 12));
  const float alpha = static_cast<float>(number(info, 13));
  const bool builtin = boolean(info, 14);
  auto one = [&](int64_t i, bool serial) {
    Sgemm g;
    g.trans_a = ta, g.trans_b = tb, g.m = m, g.n = n, g.k = k;
    g.a = a + (i % batch_a) * m * k, g.lda = ta ? m : k;
    g.b = b + (i % batch_b) * k * n, g.ldb = tb ? k : n;
    g.c = c + i * m * n, g.ldc = n;
    if (serial) sgemm_serial(g);
    else if (builtin) sgemm_force_builtin(g);
    else sgemm(g);
  };
  // Many small products: one per thread. Few large ones: each GEMM uses all threads.
  if (batch > 1 && static_cast<double>(m) * n * k < 128.0 * 128 * 128) {
    parallel_for(batch, 1, [&](int64_t i0, int64_t i1) {
      for (int64_t i = i0; i < i1; i++) one(i, true);
    });
  } else {
    for (int64_t i = 0; i < batch; i++) one(i, false);
  }
  epilogue(c, batch * m, n, n, bias, act, alpha);
}

// binary(op, a, b, out, shape, stridesA, stridesB)
void Binary(const Napi::CallbackInfo& info) {
  int64_t shape[8], sa[8], sb[8];
  const int rank = ints(info, 4, shape, 8);
  if (ints(info, 5, sa, 8) != rank || ints(info, 6, sb, 8) != rank) throw Napi::RangeError::New(info.Env(), "binary: strides do not match the shape");
  const int op = static_cast<int>(integer(info, 0));
  const float* a = data<float>(info, 1, "a", extent(shape, sa, rank));
  const float* b = data<float>(info, 2, "b", extent(shape, sb, rank));
  const int64_t total = product(shape, rank);
  void* out = op >= kGreater ? static_cast<void*>(data<uint8_t>(info, 3, "out", total)) : static_cast<void*>(data<float>(info, 3, "out", total));
  binary(op, a, b, out, rank, shape, sa, sb);
}

// unary(op, x, out, alpha)
void Unary(const Napi::CallbackInfo& info) {
  View x = view(info, 1, "x");
  const float* xp = data<float>(info, 1, "x", 0);
  float* out = data<float>(info, 2, "out", static_cast<int64_t>(x.length));
  unary(static_cast<int>(integer(info, 0)), xp, out, static_cast<int64_t>(x.length), static_cast<float>(number(info, 3)));
}

// reluGrad(dy, x, out)
void ReluGrad(const Napi::CallbackInfo& info) {
  View d = view(info, 0, "dy");
  const int64_t n = static_cast<int64_t>(d.length);
  relu_grad(data<float>(info, 0, "dy", n), data<float>(info, 1, "x", n), data<float>(info, 2, "out", n), n);
}

// softmax(x, out, rows, cols, log)
void Softmax(const Napi::CallbackInfo& info) {
  const int64_t rows = integer(info, 2), cols = integer(info, 3);
  softmax(data<float>(info, 0, "x", rows * cols), data<float>(info, 1, "out", rows * cols), rows, cols, boolean(info, 4));
}

// reduce(op, x, out, outer, size, inner)
void Reduce(const Napi::CallbackInfo& info) {
  const int64_t outer = integer(info, 3), size = integer(info, 4), inner = integer(info, 5);
  reduce(static_cast<int>(integer(info, 0)), data<float>(info, 1, "x", outer * size * inner), data<float>(info, 2, "out", outer * inner), outer, size,
         inner);
}

// argReduce(min, x, out, outer, size, inner)
void ArgReduce(const Napi::CallbackInfo& info) {
  const int64_t outer = integer(info, 3), size = integer(info, 4), inner = integer(info, 5);
  arg_reduce(boolean(info, 0), data<float>(info, 1, "x", outer * size * inner), data<int32_t>(info, 2, "out", outer * inner), outer, size, inner);
}

// copy(src, dst, shape, srcStrides, dstStrides, srcOffset, dstOffset): same element type.
void Copy(const Napi::CallbackInfo& info) {
  int64_t shape[8], ss[8], ds[8];
  const int rank = ints(info, 2, shape, 8);
  if (ints(info, 3, ss, 8) != rank || ints(info, 4, ds, 8) != rank) throw Napi::RangeError::New(info.Env(), "copy: strides do not match the shape");
  const int64_t so = integer(info, 5), dof = integer(info, 6);
  View s = view(info, 0, "src"), d = view(info, 1, "dst");
  if (s.elem_size != d.elem_size) throw Napi::TypeError::New(info.Env(), "copy: src and dst have different element types");
  if (product(shape, rank) == 0) return;
  if (so < 0 || dof < 0 || static_cast<size_t>(so + extent(shape, ss, rank)) > s.length || static_cast<size_t>(dof + extent(shape, ds, rank)) > d.length) {
    throw Napi::RangeError::New(info.Env(), "copy: the view reaches past the end of an array");
  }
  for (int i = 0; i < rank; i++)
    if (ss[i] < 0 || ds[i] < 0) throw Napi::RangeError::New(info.Env(), "copy: negative stride");
  copy_strided(static_cast<uint8_t*>(s.data) + so * s.elem_size, static_cast<uint8_t*>(d.data) + dof * d.elem_size, rank, shape, ss, ds,
               static_cast<int>(s.elem_size));
}

// gather(src, dst, outer, axisSize, inner, indices): same element type; indices in range.
void Gather(const Napi::CallbackInfo& info) {
  View s = view(info, 0, "src"), d = view(info, 1, "dst"), ix = view(info, 5, "indices");
  const int64_t outer = integer(info, 2), axis = integer(info, 3), inner = integer(info, 4);
  const int64_t n = static_cast<int64_t>(ix.length);
  if (s.elem_size != d.elem_size || ix.elem_size != 4) throw Napi::TypeError::New(info.Env(), "gather: mismatched element types");
  if (static_cast<size_t>(outer * axis * inner) > s.length || static_cast<size_t>(outer * n * inner) > d.length) throw Napi::RangeError::New(info.Env(), "gather: arrays too short");
  const auto* idx = static_cast<const int32_t*>(ix.data);
  for (int64_t j = 0; j < n; j++)
    if (idx[j] < 0 || idx[j] >= axis) throw Napi::RangeError::New(info.Env(), "gather: index out of range");
  gather(s.data, d.data, outer, axis, inner, idx, n, static_cast<int>(s.elem_size));
}

Conv2dGeometry conv_geometry(const Napi::CallbackInfo& info, size_t i) {
  int64_t v[16];
  View gv = view(info, i, "geometry");
  if (gv.length != 15 || gv.elem_size != 4) throw Napi::RangeError::New(info.Env(), "conv geometry: expected an Int32Array of 15 values");
  const auto* p = static_cast<const int32_t*>(gv.data);
  for (int j = 0; j < 15; j++) v[j] = p[j];
  return {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]};
}

int64_t in_size(const Conv2dGeometry& g) { return g.batch * g.in_h * g.in_w * g.in_c; }
int64_t out_size(const Conv2dGeometry& g) { return g.batch * g.out_h * g.out_w * g.out_c; }
int64_t filter_size(const Conv2dGeometry& g) { return g.filter_h * g.filter_w * g.in_c * g.out_c; }

// conv2d(x, w, y, geometry, bias|null, act, alpha)
void Conv2d(const Napi::CallbackInfo& info) {
  Conv2dGeometry g = conv_geometry(info, 3);
  conv2d(g, data<float>(info, 0, "x", in_size(g)), data<float>(info, 1, "filter", filter_size(g)), data<float>(info, 2, "out", out_size(g)),
         optional<float>(info, 4, "bias", g.out_c), static_cast<int>(integer(info, 5)), static_cast<float>(number(info, 6)));
}

// conv2dBackpropInput(dy, w, dx, geometry)
void Conv2dBackpropInput(const Napi::CallbackInfo& info) {
  Conv2dGeometry g = conv_geometry(info, 3);
  conv2d_backprop_input(g, data<float>(info, 0, "dy", out_size(g)), data<float>(info, 1, "filter", filter_size(g)), data<float>(info, 2, "dx", in_size(g)));
}

// conv2dBackpropFilter(x, dy, dw, geometry)
void Conv2dBackpropFilter(const Napi::CallbackInfo& info) {
  Conv2dGeometry g = conv_geometry(info, 3);
  conv2d_backprop_filter(g, data<float>(info, 0, "x", in_size(g)), data<float>(info, 1, "dy", out_size(g)), data<float>(info, 2, "dw", filter_size(g)));
}

Pool2dGeometry pool_geometry(const Napi::CallbackInfo& info, size_t i) {
  int64_t v[16];
  View gv = view(info, i, "geometry");
  if (gv.length != 14 || gv.elem_size != 4) throw Napi::RangeError::New(info.Env(), "pool geometry: expected an Int32Array of 14 values");
  const auto* p = static_cast<const int32_t*>(gv.data);
  for (int j = 0; j < 14; j++) v[j] = p[j];
  return {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]};
}

int64_t pool_in(const Pool2dGeometry& g) { return g.batch * g.in_h * g.in_w * g.channels; }
int64_t pool_out(const Pool2dGeometry& g) { return g.batch * g.out_h * g.out_w * g.channels; }

// pool2d(max, x, y, geometry)
void Pool2d(const Napi::CallbackInfo& info) {
  Pool2dGeometry g = pool_geometry(info, 3);
  const float* x = data<float>(info, 1, "x", pool_in(g));
  float* y = data<float>(info, 2, "out", pool_out(g));
  if (boolean(info, 0)) max_pool2d(g, x, y);
  else avg_pool2d(g, x, y);
}

// maxPool2dGrad(x, dy, dx, geometry)
void MaxPool2dGrad(const Napi::CallbackInfo& info) {
  Pool2dGeometry g = pool_geometry(info, 3);
  max_pool2d_grad(g, data<float>(info, 0, "x", pool_in(g)), data<float>(info, 1, "dy", pool_out(g)), data<float>(info, 2, "dx", pool_in(g)));
}

// avgPool2dGrad(dy, dx, geometry)
void AvgPool2dGrad(const Napi::CallbackInfo& info) {
  Pool2dGeometry g = pool_geometry(info, 2);
  avg_pool2d_grad(g, data<float>(info, 0, "dy", pool_out(g)), data<float>(info, 1, "dx", pool_in(g)));
}

// Reads an Int32Array of exactly `n` values, each at least `min_value`.
void exact_ints(const Napi::CallbackInfo& info, size_t i, const char* name, int64_t* out, int n, int64_t min_value) {
  View v = view(info, i, name);
  if (v.elem_size != 4 || static_cast<int>(v.length) != n) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + ": expected an Int32Array of " + std::to_string(n) + " values");
  }
  const auto* p = static_cast<const int32_t*>(v.data);
  for (int j = 0; j < n; j++) {
    if (p[j] < min_value) throw Napi::RangeError::New(info.Env(), std::string(name) + ": value " + std::to_string(j) + " is out of range");
    out[j] = p[j];
  }
}

// [N, C, H, W, O, kH, kW, OH, OW, strideH, strideW, dilationH, dilationW, padTop, padLeft, groups, strategy]
ConvNchwGeometry conv_nchw_geometry(const Napi::CallbackInfo& info, size_t i) {
  int64_t v[17];
  exact_ints(info, i, "conv geometry", v, 17, 0);
  ConvNchwGeometry g{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16]};
  if (g.stride_h < 1 || g.stride_w < 1 || g.dilation_h < 1 || g.dilation_w < 1 || g.groups < 1 || g.in_c % g.groups != 0 || g.out_c % g.groups != 0 ||
      g.strategy > 2) {
    throw Napi::RangeError::New(info.Env(), "conv geometry: bad strides, dilations, groups or strategy");
  }
  return g;
}

int64_t nchw_in(const ConvNchwGeometry& g) { return g.batch * g.in_c * g.in_h * g.in_w; }
int64_t nchw_out(const ConvNchwGeometry& g) { return g.batch * g.out_c * g.out_h * g.out_w; }
int64_t nchw_filter(const ConvNchwGeometry& g) { return g.out_c * (g.in_c / g.groups) * g.filter_h * g.filter_w; }

// conv2dNchw(x, w, bias|null, y, geometry)
void Conv2dNchw(const Napi::CallbackInfo& info) {
  ConvNchwGeometry g = conv_nchw_geometry(info, 4);
  conv2d_nchw(g, data<float>(info, 0, "x", nchw_in(g)), data<float>(info, 1, "filter", nchw_filter(g)), optional<float>(info, 2, "bias", g.out_c),
              data<float>(info, 3, "out", nchw_out(g)));
}

// conv2dNchwBackpropInput(dy, w, dx, geometry)
void Conv2dNchwBackpropInput(const Napi::CallbackInfo& info) {
  ConvNchwGeometry g = conv_nchw_geometry(info, 3);
  conv2d_nchw_backprop_input(g, data<float>(info, 0, "dy", nchw_out(g)), data<float>(info, 1, "filter", nchw_filter(g)), data<float>(info, 2, "dx", nchw_in(g)));
}

// conv2dNchwBackpropFilter(x, dy, dw, dbias|null, geometry)
void Conv2dNchwBackpropFilter(const Napi::CallbackInfo& info) {
  ConvNchwGeometry g = conv_nchw_geometry(info, 4);
  float* dbias = info[3].IsNull() || info[3].IsUndefined() ? nullptr : data<float>(info, 3, "dbias", g.out_c);
  conv2d_nchw_backprop_filter(g, data<float>(info, 0, "x", nchw_in(g)), data<float>(info, 1, "dy", nchw_out(g)), data<float>(info, 2, "dw", nchw_filter(g)), dbias);
}

// [planes, H, W, OH, OW, kH, kW] and the row and column tap tables.
WindowGeometry window_geometry(const Napi::CallbackInfo& info, size_t i) {
  int64_t v[7];
  exact_ints(info, i, "window geometry", v, 7, 0);
  WindowGeometry g{v[0], v[1], v[2], v[3], v[4], v[5], v[6], nullptr, nullptr};
  g.rows = data<int32_t>(info, i + 1, "rows", g.out_h * g.kh);
  g.cols = data<int32_t>(info, i + 2, "cols", g.out_w * g.kw);
  return g;
}

int64_t window_in(const WindowGeometry& g) { return g.planes * g.in_h * g.in_w; }
int64_t window_out(const WindowGeometry& g) { return g.planes * g.out_h * g.out_w; }

// windowMax(x, y, idx, geometry, rows, cols)
void WindowMax(const Napi::CallbackInfo& info) {
  WindowGeometry g = window_geometry(info, 3);
  window_max(g, data<float>(info, 0, "x", window_in(g)), data<float>(info, 1, "out", window_out(g)), data<int32_t>(info, 2, "indices", window_out(g)));
}

// windowMaxGrad(dy, idx, dx, planes, inSize, outSize): every index must lie in [0, inSize).
void WindowMaxGrad(const Napi::CallbackInfo& info) {
  const int64_t planes = integer(info, 3), in_size = integer(info, 4), out_size = integer(info, 5);
  if (planes < 0 || in_size < 0 || out_size < 0) throw Napi::RangeError::New(info.Env(), "windowMaxGrad: negative size");
  const float* dy = data<float>(info, 0, "dy", planes * out_size);
  const int32_t* idx = data<int32_t>(info, 1, "indices", planes * out_size);
  float* dx = data<float>(info, 2, "dx", planes * in_size);
  for (int64_t i = 0; i < planes * out_size; i++)
    if (idx[i] < 0 || idx[i] >= in_size) throw Napi::RangeError::New(info.Env(), "windowMaxGrad: index out of range");
  window_max_grad(planes, in_size, out_size, dy, idx, dx);
}

// windowAvg(x, scale, y, geometry, rows, cols)
void WindowAvg(const Napi::CallbackInfo& info) {
  WindowGeometry g = window_geometry(info, 3);
  window_avg(g, data<float>(info, 0, "x", window_in(g)), data<float>(info, 1, "scale", g.out_h * g.out_w), data<float>(info, 2, "out", window_out(g)));
}

// windowAvgGrad(dy, scale, dx, geometry, rows, cols)
void WindowAvgGrad(const Napi::CallbackInfo& info) {
  WindowGeometry g = window_geometry(info, 3);
  window_avg_grad(g, data<float>(info, 0, "dy", window_out(g)), data<float>(info, 1, "scale", g.out_h * g.out_w), data<float>(info, 2, "dx", window_in(g)));
}

// batchNormTrain(x, weight|null, bias|null, y, mean, var, invstd, n, c, s, eps)
void BatchNormTrain(const Napi::CallbackInfo& info) {
  const int64_t n = integer(info, 7), c = integer(info, 8), s = integer(info, 9);
  if (n < 0 || c < 0 || s < 0) throw Napi::RangeError::New(info.Env(), "batchNormTrain: negative size");
  batch_norm_train(n, c, s, data<float>(info, 0, "x", n * c * s), optional<float>(info, 1, "weight", c), optional<float>(info, 2, "bias", c),
                   static_cast<float>(number(info, 10)), data<float>(info, 3, "out", n * c * s), data<float>(info, 4, "mean", c), data<float>(info, 5, "var", c),
                   data<float>(info, 6, "invstd", c));
}

// batchNormTrainGrad(dy, x, mean, invstd, weight|null, dx|null, dweight|null, dbias|null, n, c, s)
void BatchNormTrainGrad(const Napi::CallbackInfo& info) {
  const int64_t n = integer(info, 8), c = integer(info, 9), s = integer(info, 10);
  if (n < 0 || c < 0 || s < 0) throw Napi::RangeError::New(info.Env(), "batchNormTrainGrad: negative size");
  auto out = [&](size_t i, const char* name, int64_t need) -> float* {
    return info[i].IsNull() || info[i].IsUndefined() ? nullptr : data<float>(info, i, name, need);
  };
  batch_norm_train_grad(n, c, s, data<float>(info, 0, "dy", n * c * s), data<float>(info, 1, "x", n * c * s), data<float>(info, 2, "mean", c),
                        data<float>(info, 3, "invstd", c), optional<float>(info, 4, "weight", c), out(5, "dx", n * c * s), out(6, "dweight", c),
                        out(7, "dbias", c));
}

// The first element count the optimizer steps take: param's length, with every other array
// checked against it.
int64_t step_length(const Napi::CallbackInfo& info) { return static_cast<int64_t>(view(info, 0, "param").length); }

// sgdStep(param, grad, buf|null, outParam, outBuf|null, lr, momentum, dampening, weightDecay, nesterov, maximize)
void SgdStep(const Napi::CallbackInfo& info) {
  const int64_t n = step_length(info);
  SgdConfig c{number(info, 5), number(info, 6), number(info, 7), number(info, 8), boolean(info, 9), boolean(info, 10)};
  const float* param = data<float>(info, 0, "param", n);
  const float* grad = data<float>(info, 1, "grad", n);
  const float* buf = optional<float>(info, 2, "momentumBuffer", n);
  float* out_param = data<float>(info, 3, "outParam", n);
  float* out_buf = info[4].IsNull() || info[4].IsUndefined() ? nullptr : data<float>(info, 4, "outMomentumBuffer", n);
  if (c.momentum != 0.0 && out_buf == nullptr) throw Napi::TypeError::New(info.Env(), "sgdStep: momentum needs an output buffer");
  if (n > 0) sgd_step(n, c, param, grad, buf, out_param, out_buf);
}

// adamStep(param, grad, expAvg|null, expAvgSq|null, maxExpAvgSq|null, outParam, outExpAvg, outExpAvgSq, outMaxExpAvgSq|null,
//          lr, beta1, beta2, eps, weightDecay, stepSize, biasCorrection2Sqrt, amsgrad, maximize, decoupled)
void AdamStep(const Napi::CallbackInfo& info) {
  const int64_t n = step_length(info);
  AdamConfig c{number(info, 9),  number(info, 10),  number(info, 11),  number(info, 12), number(info, 13),
               number(info, 14), number(info, 15), boolean(info, 16), boolean(info, 17), boolean(info, 18)};
  const float* param = data<float>(info, 0, "param", n);
  const float* grad = data<float>(info, 1, "grad", n);
  const float* exp_avg = optional<float>(info, 2, "expAvg", n);
  const float* exp_avg_sq = optional<float>(info, 3, "expAvgSq", n);
  const float* max_sq = optional<float>(info, 4, "maxExpAvgSq", n);
  float* out_param = data<float>(info, 5, "outParam", n);
  float* out_exp_avg = data<float>(info, 6, "outExpAvg", n);
  float* out_exp_avg_sq = data<float>(info, 7, "outExpAvgSq", n);
  float* out_max_sq = info[8].IsNull() || info[8].IsUndefined() ? nullptr : data<float>(info, 8, "outMaxExpAvgSq", n);
  if (c.amsgrad && out_max_sq == nullptr) throw Napi::TypeError::New(info.Env(), "adamStep: amsgrad needs an output for max_exp_avg_sq");
  if (n > 0) adam_step(n, c, param, grad, exp_avg, exp_avg_sq, max_sq, out_param, out_exp_avg, out_exp_avg_sq, out_max_sq);
}

// The [outer, classes, inner] layout of a cross-entropy call, checked.
CrossEntropyShape ce_shape(const Napi::CallbackInfo& info, size_t i) {
  CrossEntropyShape s{integer(info, i), integer(info, i + 1), integer(info, i + 2)};
  if (s.outer < 0 || s.classes <= 0 || s.inner < 0) throw Napi::RangeError::New(info.Env(), "crossEntropy: bad layout");
  return s;
}

// crossEntropy(logits, target, coef, weight|null, logp, loss, outer, classes, inner) -> sum of loss;
// coef holds a (positions) then b (positions).
Napi::Value CrossEntropy(const Napi::CallbackInfo& info) {
  const CrossEntropyShape s = ce_shape(info, 6);
  const int64_t n = s.outer * s.classes * s.inner, p = s.outer * s.inner;
  const float* coef = data<float>(info, 2, "coef", 2 * p);
  const double total = cross_entropy(s, data<float>(info, 0, "logits", n), data<int32_t>(info, 1, "target", p), coef, coef + p,
                                     optional<float>(info, 3, "weight", s.classes), data<float>(info, 4, "logp", n), data<float>(info, 5, "loss", p));
  return Napi::Number::New(info.Env(), total);
}

// crossEntropyGrad(logp, target, coef, weight|null, dy, dlogits, outer, classes, inner)
void CrossEntropyGrad(const Napi::CallbackInfo& info) {
  const CrossEntropyShape s = ce_shape(info, 6);
  const int64_t n = s.outer * s.classes * s.inner, p = s.outer * s.inner;
  const float* coef = data<float>(info, 2, "coef", 2 * p);
  View d = view(info, 4, "dy");
  const bool scalar = d.length == 1;
  if (!scalar && static_cast<int64_t>(d.length) < p) throw Napi::RangeError::New(info.Env(), "crossEntropyGrad: dy needs one value per position or one in all");
  cross_entropy_grad(s, data<float>(info, 0, "logp", n), data<int32_t>(info, 1, "target", p), coef, coef + p, optional<float>(info, 3, "weight", s.classes),
                     data<float>(info, 4, "dy", 1), scalar, data<float>(info, 5, "dlogits", n));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("info", Napi::Function::New(env, Info));
  exports.Set("setNumThreads", Napi::Function::New(env, SetNumThreads));
  exports.Set("setIsa", Napi::Function::New(env, SetIsa));
  exports.Set("setBlas", Napi::Function::New(env, SetBlas));
  exports.Set("matmul", Napi::Function::New(env, Matmul));
  exports.Set("binary", Napi::Function::New(env, Binary));
  exports.Set("unary", Napi::Function::New(env, Unary));
  exports.Set("reluGrad", Napi::Function::New(env, ReluGrad));
  exports.Set("softmax", Napi::Function::New(env, Softmax));
  exports.Set("reduce", Napi::Function::New(env, Reduce));
  exports.Set("argReduce", Napi::Function::New(env, ArgReduce));
  exports.Set("copy", Napi::Function::New(env, Copy));
  exports.Set("gather", Napi::Function::New(env, Gather));
  exports.Set("conv2d", Napi::Function::New(env, Conv2d));
  exports.Set("conv2dBackpropInput", Napi::Function::New(env, Conv2dBackpropInput));
  exports.Set("conv2dBackpropFilter", Napi::Function::New(env, Conv2dBackpropFilter));
  exports.Set("pool2d", Napi::Function::New(env, Pool2d));
  exports.Set("maxPool2dGrad", Napi::Function::New(env, MaxPool2dGrad));
  exports.Set("avgPool2dGrad", Napi::Function::New(env, AvgPool2dGrad));
  exports.Set("conv2dNchw", Napi::Function::New(env, Conv2dNchw));
  exports.Set("conv2dNchwBackpropInput", Napi::Function::New(env, Conv2dNchwBackpropInput));
  exports.Set("conv2dNchwBackpropFilter", Napi::Function::New(env, Conv2dNchwBackpropFilter));
  exports.Set("windowMax", Napi::Function::New(env, WindowMax));
  exports.Set("windowMaxGrad", Napi::Function::New(env, WindowMaxGrad));
  exports.Set("windowAvg", Napi::Function::New(env, WindowAvg));
  exports.Set("windowAvgGrad", Napi::Function::New(env, WindowAvgGrad));
  exports.Set("batchNormTrain", Napi::Function::New(env, BatchNormTrain));
  exports.Set("batchNormTrainGrad", Napi::Function::New(env, BatchNormTrainGrad));
  exports.Set("sgdStep", Napi::Function::New(env, SgdStep));
  exports.Set("adamStep", Napi::Function::New(env, AdamStep));
  exports.Set("crossEntropy", Napi::Function::New(env, CrossEntropy));
  exports.Set("crossEntropyGrad", Napi::Function::New(env, CrossEntropyGrad));
  return exports;
}

}  // namespace

NODE_API_MODULE(dl_native, Init)
