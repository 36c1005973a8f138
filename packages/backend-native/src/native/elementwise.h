// Elementwise kernels over float32 buffers: binary ops with broadcasting (strides of 0), unary
// ops, and the fused epilogues (bias, activation) of the matmul and convolution kernels.
#pragma once
#include <cstdint>

namespace dlnative {

enum BinaryOp : int {
  kAdd = 0, kSub = 1, kMul = 2, kDiv = 3, kMaximum = 4, kMinimum = 5, kSquaredDifference = 6,
  // ReLU's gradient: a (dy) where b (the forward input) > 0, else 0 (PyTorch's threshold_backward).
  kReluGrad = 7,
  // Comparisons write 0/1 bytes.
  kGreater = 20, kGreaterEqual = 21, kLess = 22, kLessEqual = 23, kEqual = 24, kNotEqual = 25,
};

enum UnaryOp : int {
  kRelu = 0, kRelu6 = 1, kElu = 2, kLeakyRelu = 3, kSigmoid = 4, kExp = 5, kLog = 6, kNeg = 7, kSqrt = 8,
  kRsqrt = 9, kSquare = 10, kAbs = 11, kTanh = 12, kReciprocal = 13, kStep = 14, kSoftplus = 15, kLog1p = 16,
  kExpm1 = 17, kSin = 18, kCos = 19, kFloor = 20, kCeil = 21, kSign = 22, kIdentity = 23,
};

/** Activation codes of fused kernels (tfjs's `activation` attribute). */
enum Activation : int { kActLinear = 0, kActRelu = 1, kActRelu6 = 2, kActElu = 3, kActLeakyRelu = 4, kActSigmoid = 5 };

/**
 * out[index] = a[index . sa] op b[index . sb] over `shape` (rank <= 8), out contiguous. Strides
 * in elements; 0 broadcasts.
 */
void binary(int op, const float* a, const float* b, void* out, int rank, const int64_t* shape, const int64_t* sa, const int64_t* sb);

/** out[i] = f(x[i]) for n elements (`alpha`: LeakyRelu's slope, Step's value at x <= 0). */
void unary(int op, const float* x, float* out, int64_t n, float alpha);

/** Applies `bias` (length cols, or null) and an activation to a rows x cols block in place. */
void epilogue(float* c, int64_t rows, int64_t cols, int64_t ldc, const float* bias, int act, float alpha);

/** Softmax over the last axis of a rows x cols block (log-softmax when `log`). */
void softmax(const float* x, float* out, int64_t rows, int64_t cols, bool log);

/** Elementwise select / gradient helpers. */
void relu_grad(const float* dy, const float* x, float* out, int64_t n);

}  // namespace dlnative
