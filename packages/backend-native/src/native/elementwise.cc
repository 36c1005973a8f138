#include "elementwise.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "simd.h"
#include "thread_pool.h"

namespace dlnative {
namespace {

constexpr int64_t kGrain = 1 << 17;  // elements per thread below which one thread does it all

template <int OP>
inline float apply(float a, float b) {
  if constexpr (OP == kAdd) return a + b;
  if constexpr (OP == kSub) return a - b;
  if constexpr (OP == kMul) return a * b;
  if constexpr (OP == kDiv) return a / b;
  // NaN wins, as in tfjs's cpu kernels (Math.max) and PyTorch.
  if constexpr (OP == kMaximum) return (a != a || b != b) ? std::numeric_limits<float>::quiet_NaN() : (a > b ? a : b);
  if constexpr (OP == kMinimum) return (a != a || b != b) ? std::numeric_limits<float>::quiet_NaN() : (a < b ? a : b);
  if constexpr (OP == kSquaredDifference) return (a - b) * (a - b);
  if constexpr (OP == kReluGrad) return b > 0.0f ? a : 0.0f;
  return 0.0f;
}

template <int OP>
inline uint8_t compare(float a, float b) {
  if constexpr (OP == kGreater) return a > b;
  if constexpr (OP == kGreaterEqual) return a >= b;
  if constexpr (OP == kLess) return a < b;
  if constexpr (OP == kLessEqual) return a <= b;
  if constexpr (OP == kEqual) return a == b;
  if constexpr (OP == kNotEqual) return a != b;
  return 0;
}

// The innermost loop, specialised for the three stride patterns that cover nearly every call.
template <int OP, typename Out>
DL_CLONES void row(const float* a, const float* b, Out* out, int64_t n, int64_t sa, int64_t sb) {
  auto f = [](float x, float y) -> Out {
    if constexpr (OP >= kGreater) return compare<OP>(x, y);
    else return apply<OP>(x, y);
  };
  if (sa == 1 && sb == 1) {
    for (int64_t i = 0; i < n; i++) out[i] = f(a[i], b[i]);
  } else if (sa == 1 && sb == 0) {
    const float y = b[0];
    for (int64_t i = 0; i < n; i++) out[i] = f(a[i], y);
  } else if (sa == 0 && sb == 1) {
    const float x = a[0];
    for (int64_t i = 0; i < n; i++) out[i] = f(x, b[i]);
  } else {
    for (int64_t i = 0; i < n; i++) out[i] = f(a[i * sa], b[i * sb]);
  }
}

template <int OP, typename Out>
void run_binary(const float* a, const float* b, Out* out, int rank, const int64_t* shape, const int64_t* sa, const int64_t* sb) {
  const int64_t inner = rank ? shape[rank - 1] : 1;
  const int64_t isa = rank ? sa[rank - 1] : 0, isb = rank ? sb[rank - 1] : 0;
  int64_t rows = 1;
  for (int d = 0; d < rank - 1; d++) rows *= shape[d];
  const int64_t grain_rows = std::max<int64_t>(1, kGrain / std::max<int64_t>(inner, 1));
  parallel_for(rows, grain_rows, [&](int64_t r0, int64_t r1) {
    // Offsets of row r0, then advanced like an odometer.
    int64_t idx[8] = {0};
    int64_t oa = 0, ob = 0;
    int64_t rem = r0;
    for (int d = rank - 2; d >= 0; d--) {
      idx[d] = rem % shape[d];
      rem /= shape[d];
      oa += idx[d] * sa[d];
      ob += idx[d] * sb[d];
    }
    for (int64_t r = r0; r < r1; r++) {
      row<OP, Out>(a + oa, b + ob, out + r * inner, inner, isa, isb);
      for (int d = rank - 2; d >= 0; d--) {
        idx[d]++;
        oa += sa[d];
        ob += sb[d];
        if (idx[d] < shape[d]) break;
        oa -= idx[d] * sa[d];
        ob -= idx[d] * sb[d];
        idx[d] = 0;
      }
    }
  });
}

template <int OP>
DL_CLONES void unary_range(const float* x, float* out, int64_t n, float alpha) {
  for (int64_t i = 0; i < n; i++) {
    const float v = x[i];
    float r;
    if constexpr (OP == kRelu) r = v < 0.0f ? 0.0f : v;
    else if constexpr (OP == kRelu6) r = v < 0.0f ? 0.0f : (v > 6.0f ? 6.0f : v);
    else if constexpr (OP == kElu) r = v >= 0.0f ? v : std::expm1(v);
    else if constexpr (OP == kLeakyRelu) r = v < 0.0f ? alpha * v : v;
    else if constexpr (OP == kSigmoid) r = 1.0f / (1.0f + std::exp(-v));
    else if constexpr (OP == kExp) r = std::exp(v);
    else if constexpr (OP == kLog) r = std::log(v);
    else if constexpr (OP == kNeg) r = -v;
    else if constexpr (OP == kSqrt) r = std::sqrt(v);
    else if constexpr (OP == kRsqrt) r = 1.0f / std::sqrt(v);
    else if constexpr (OP == kSquare) r = v * v;
    else if constexpr (OP == kAbs) r = std::fabs(v);
    else if constexpr (OP == kTanh) r = std::tanh(v);
    else if constexpr (OP == kReciprocal) r = 1.0f / v;
    else if constexpr (OP == kStep) r = v > 0.0f ? 1.0f : (v != v ? v : alpha);
    else if constexpr (OP == kSoftplus) r = v > 20.0f ? v : (v < -20.0f ? std::exp(v) : std::log1p(std::exp(v)));
    else if constexpr (OP == kLog1p) r = std::log1p(v);
    else if constexpr (OP == kExpm1) r = std::expm1(v);
    else if constexpr (OP == kSin) r = std::sin(v);
    else if constexpr (OP == kCos) r = std::cos(v);
    else if constexpr (OP == kFloor) r = std::floor(v);
    else if constexpr (OP == kCeil) r = std::ceil(v);
    else if constexpr (OP == kSign) r = v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f);  // NaN -> 0, as tfjs
    else r = v;
    out[i] = r;
  }
}

using UnaryRange = void (*)(const float*, float*, int64_t, float);

UnaryRange unary_fn(int op) {
  switch (op) {
    case kRelu: return unary_range<kRelu>;
    case kRelu6: return unary_range<kRelu6>;
    case kElu: return unary_range<kElu>;
    case kLeakyRelu: return unary_range<kLeakyRelu>;
    case kSigmoid: return unary_range<kSigmoid>;
    case kExp: return unary_range<kExp>;
    case kLog: return unary_range<kLog>;
    case kNeg: return unary_range<kNeg>;
    case kSqrt: return unary_range<kSqrt>;
    case kRsqrt: return unary_range<kRsqrt>;
    case kSquare: return unary_range<kSquare>;
    case kAbs: return unary_range<kAbs>;
    case kTanh: return unary_range<kTanh>;
    case kReciprocal: return unary_range<kReciprocal>;
    case kStep: return unary_range<kStep>;
    case kSoftplus: return unary_range<kSoftplus>;
    case kLog1p: return unary_range<kLog1p>;
    case kExpm1: return unary_range<kExpm1>;
    case kSin: return unary_range<kSin>;
    case kCos: return unary_range<kCos>;
    case kFloor: return unary_range<kFloor>;
    case kCeil: return unary_range<kCeil>;
    case kSign: return unary_range<kSign>;
    default: return unary_range<kIdentity>;
  }
}

DL_CLONES void bias_row(float* c, const float* bias, int64_t n) {
  for (int64_t j = 0; j < n; j++) c[j] += bias[j];
}

DL_CLONES void softmax_row(const float* x, float* out, int64_t n, bool log) {
  float m = -std::numeric_limits<float>::infinity();
  for (int64_t j = 0; j < n; j++) m = std::max(m, x[j]);
  double sum = 0.0;
  if (log) {
    for (int64_t j = 0; j < n; j++) sum += std::exp(x[j] - m);
    const float ls = static_cast<float>(std::log(sum));
    for (int64_t j = 0; j < n; j++) out[j] = x[j] - m - ls;
  } else {
    for (int64_t j = 0; j < n; j++) {
      out[j] = std::exp(x[j] - m);
      sum += out[j];
    }
    const float inv = static_cast<float>(1.0 / sum);
    for (int64_t j = 0; j < n; j++) out[j] *= inv;
  }
}

DL_CLONES void relu_grad_range(const float* dy, const float* x, float* out, int64_t n) {
  for (int64_t i = 0; i < n; i++) out[i] = x[i] > 0.0f ? dy[i] : 0.0f;
}

}  // namespace

#define DL_BINARY(OP)                                                                                        \
  case OP:                                                                                                   \
    if constexpr (OP >= kGreater) run_binary<OP, uint8_t>(a, b, static_cast<uint8_t*>(out), rank, shape, sa, sb); \
    else run_binary<OP, float>(a, b, static_cast<float*>(out), rank, shape, sa, sb);                         \
    break;

void binary(int op, const float* a, const float* b, void* out, int rank, const int64_t* shape, const int64_t* sa, const int64_t* sb) {
  switch (op) {
    DL_BINARY(kAdd)
    DL_BINARY(kSub)
    DL_BINARY(kMul)
    DL_BINARY(kDiv)
    DL_BINARY(kMaximum)
    DL_BINARY(kMinimum)
    DL_BINARY(kSquaredDifference)
    DL_BINARY(kReluGrad)
    DL_BINARY(kGreater)
    DL_BINARY(kGreaterEqual)
    DL_BINARY(kLess)
    DL_BINARY(kLessEqual)
    DL_BINARY(kEqual)
    DL_BINARY(kNotEqual)
    default: break;
  }
}
#undef DL_BINARY

void unary(int op, const float* x, float* out, int64_t n, float alpha) {
  UnaryRange f = unary_fn(op);
  parallel_for(n, kGrain, [&](int64_t i0, int64_t i1) { f(x + i0, out + i0, i1 - i0, alpha); });
}

void epilogue(float* c, int64_t rows, int64_t cols, int64_t ldc, const float* bias, int act, float alpha) {
  if (!bias && act == kActLinear) return;
  const int uop = act == kActRelu ? kRelu : act == kActRelu6 ? kRelu6 : act == kActElu ? kElu : act == kActLeakyRelu ? kLeakyRelu : act == kActSigmoid ? kSigmoid : kIdentity;
  UnaryRange f = unary_fn(uop);
  parallel_for(rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(cols, 1)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; r++) {
      float* row_ptr = c + r * ldc;
      if (bias) bias_row(row_ptr, bias, cols);
      if (act != kActLinear) f(row_ptr, row_ptr, cols, alpha);
    }
  });
}

void softmax(const float* x, float* out, int64_t rows, int64_t cols, bool log) {
  parallel_for(rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(cols, 1)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; r++) softmax_row(x + r * cols, out + r * cols, cols, log);
  });
}

void relu_grad(const float* dy, const float* x, float* out, int64_t n) {
  parallel_for(n, kGrain, [&](int64_t i0, int64_t i1) { relu_grad_range(dy + i0, x + i0, out + i0, i1 - i0); });
}

}  // namespace dlnative
