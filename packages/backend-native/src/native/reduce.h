// Reductions over the middle axis of an [outer, size, inner] view (the JavaScript side folds
// tfjs's reduction axes into that form, or transposes first).
#pragma once
#include <cstdint>

namespace dlnative {

enum ReduceOp : int { kReduceSum = 0, kReduceMean = 1, kReduceMax = 2, kReduceMin = 3, kReduceProd = 4 };

/** out[o, i] = op over s of x[o, s, i]. */
void reduce(int op, const float* x, float* out, int64_t outer, int64_t size, int64_t inner);

/** out[o, i] = the first s where x[o, s, i] is largest (smallest when `min`), int32. */
void arg_reduce(bool min, const float* x, int32_t* out, int64_t outer, int64_t size, int64_t inner);

}  // namespace dlnative
