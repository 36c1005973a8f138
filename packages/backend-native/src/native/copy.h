// Strided copies: transpose, slice, pad, concat and broadcast are all "copy this strided view of
// src into that strided view of dst".
#pragma once
#include <cstdint>

namespace dlnative {

/**
 * For every index of `shape` (rank <= 8): dst[index . dst_strides] = src[index . src_strides],
 * elements of `elem_size` bytes (1, 2, 4 or 8), strides in elements.
 */
void copy_strided(const void* src, void* dst, int rank, const int64_t* shape, const int64_t* src_strides, const int64_t* dst_strides, int elem_size);

/**
 * dst[o, j, i] = src[o, index[j], i] for o < outer, j < n_index, i < inner (a gather along one
 * axis); indices are checked by the caller.
 */
void gather(const void* src, void* dst, int64_t outer, int64_t axis_size, int64_t inner, const int32_t* index, int64_t n_index, int elem_size);

/** Fills n elements of `elem_size` bytes with the pattern at `value`. */
void fill(void* dst, int64_t n, const void* value, int elem_size);

}  // namespace dlnative
