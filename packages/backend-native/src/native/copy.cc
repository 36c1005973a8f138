#include "copy.h"

#include <algorithm>
#include <cstring>

#include "thread_pool.h"

namespace dlnative {
namespace {

// Copies the innermost three axes of `count` blocks starting at block `b0` (blocks are the
// indices of the outer axes). Strides live in locals: node-gyp builds with
// -fno-strict-aliasing, so values read through pointers would be reloaded after every store.
template <typename T>
void copy_blocks(const T* src, T* dst, int rank, const int64_t* shape, const int64_t* ss, const int64_t* ds, int64_t b0, int64_t b1) {
  const int64_t n1 = shape[rank - 1], s1 = ss[rank - 1], d1 = ds[rank - 1];
  const int64_t n2 = rank >= 2 ? shape[rank - 2] : 1, s2 = rank >= 2 ? ss[rank - 2] : 0, d2 = rank >= 2 ? ds[rank - 2] : 0;
  const int64_t n3 = rank >= 3 ? shape[rank - 3] : 1, s3 = rank >= 3 ? ss[rank - 3] : 0, d3 = rank >= 3 ? ds[rank - 3] : 0;
  const int outer_rank = rank >= 3 ? rank - 3 : 0;
  int64_t idx[8] = {0};
  int64_t os = 0, od = 0, rem = b0;
  for (int d = outer_rank - 1; d >= 0; d--) {
    idx[d] = rem % shape[d];
    rem /= shape[d];
    os += idx[d] * ss[d];
    od += idx[d] * ds[d];
  }
  for (int64_t b = b0; b < b1; b++) {
    for (int64_t h = 0; h < n3; h++) {
    const T* sb = src + os + h * s3;
    T* db = dst + od + h * d3;
    for (int64_t i = 0; i < n2; i++) {
      const T* s = sb + i * s2;
      T* d = db + i * d2;
      if (s1 == 1 && d1 == 1) {
        if (n1 >= 16) {
          std::memcpy(d, s, n1 * sizeof(T));
        } else {
          for (int64_t j = 0; j < n1; j++) d[j] = s[j];
        }
      } else if (s1 == 0) {
        const T v = s[0];
        for (int64_t j = 0; j < n1; j++) d[j * d1] = v;
      } else {
        for (int64_t j = 0; j < n1; j++) d[j * d1] = s[j * s1];
      }
    }
    }
    for (int d = outer_rank - 1; d >= 0; d--) {
      idx[d]++;
      os += ss[d];
      od += ds[d];
      if (idx[d] < shape[d]) break;
      os -= idx[d] * ss[d];
      od -= idx[d] * ds[d];
      idx[d] = 0;
    }
  }
}

// A transpose whose innermost destination axis reads src with a large stride: copy 32 x 32
// tiles of (that axis, the axis src is contiguous in) so both sides stay in cache lines.
template <typename T>
bool copy_tiled(const T* src, T* dst, int rank, const int64_t* shape, const int64_t* ss, const int64_t* ds) {
  const int last = rank - 1;
  if (ds[last] != 1 || ss[last] == 1) return false;
  int q = -1;
  for (int d = 0; d < last; d++)
    if (ss[d] == 1) q = d;
  if (q < 0 || shape[q] < 8 || shape[last] < 8) return false;
  // The other axes, as an outer odometer.
  int outer_axes[8];
  int no = 0;
  int64_t outer = 1;
  for (int d = 0; d < last; d++)
    if (d != q) {
      outer_axes[no++] = d;
      outer *= shape[d];
    }
  constexpr int64_t B = 32;
  const int64_t nq = shape[q], nl = shape[last];
  const int64_t tq = (nq + B - 1) / B, tl = (nl + B - 1) / B;
  const int64_t tasks = outer * tq * tl;
  parallel_for(tasks, std::max<int64_t>(1, (1 << 16) / (B * B)), [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; t++) {
      int64_t o = t / (tq * tl);
      const int64_t bq = (t / tl) % tq, bl = t % tl;
      int64_t os = 0, od = 0;
      for (int i = no - 1; i >= 0; i--) {
        const int d = outer_axes[i];
        const int64_t v = o % shape[d];
        o /= shape[d];
        os += v * ss[d];
        od += v * ds[d];
      }
      const int64_t q0 = bq * B, q1 = std::min(nq, q0 + B);
      const int64_t l0 = bl * B, l1 = std::min(nl, l0 + B);
      const int64_t sq = ss[q], dq = ds[q], sl = ss[last];
      for (int64_t i = q0; i < q1; i++) {
        const T* s = src + os + i * sq;
        T* dd = dst + od + i * dq;
        for (int64_t j = l0; j < l1; j++) dd[j] = s[j * sl];
      }
    }
  });
  return true;
}

template <typename T>
void copy_typed(const T* src, T* dst, int rank, const int64_t* shape, const int64_t* ss, const int64_t* ds) {
  if (rank == 0) {
    dst[0] = src[0];
    return;
  }
  int64_t total = 1;
  for (int d = 0; d < rank; d++) total *= shape[d];
  if (total == 0) return;
  if (copy_tiled(src, dst, rank, shape, ss, ds)) return;
  const int64_t block = shape[rank - 1] * (rank >= 2 ? shape[rank - 2] : 1) * (rank >= 3 ? shape[rank - 3] : 1);
  const int64_t blocks = total / block;
  parallel_for(blocks, std::max<int64_t>(1, (1 << 16) / block), [&](int64_t b0, int64_t b1) { copy_blocks(src, dst, rank, shape, ss, ds, b0, b1); });
}

}  // namespace

struct Wide16 {
  uint64_t lo, hi;
};

void copy_strided(const void* src, void* dst, int rank, const int64_t* shape_in, const int64_t* ss_in, const int64_t* ds_in, int elem_size) {
  int64_t shape[8], ss[8], ds[8];
  for (int d = 0; d < rank; d++) shape[d] = shape_in[d], ss[d] = ss_in[d], ds[d] = ds_in[d];
  // A short contiguous innermost axis (pooling windows: 2 or 4 floats) becomes one wider
  // element, when every other stride allows it: fewer, larger moves.
  while (rank >= 2 && ss[rank - 1] == 1 && ds[rank - 1] == 1 && elem_size * shape[rank - 1] <= 16 &&
         (elem_size * shape[rank - 1] == 2 || elem_size * shape[rank - 1] == 4 || elem_size * shape[rank - 1] == 8 || elem_size * shape[rank - 1] == 16)) {
    const int64_t w = shape[rank - 1];
    bool ok = true;
    for (int d = 0; d < rank - 1; d++) ok = ok && ss[d] % w == 0 && ds[d] % w == 0;
    if (!ok) break;
    for (int d = 0; d < rank - 1; d++) ss[d] /= w, ds[d] /= w;
    elem_size *= static_cast<int>(w);
    rank--;
  }
  switch (elem_size) {
    case 16: copy_typed(static_cast<const Wide16*>(src), static_cast<Wide16*>(dst), rank, shape, ss, ds); break;
    case 1: copy_typed(static_cast<const uint8_t*>(src), static_cast<uint8_t*>(dst), rank, shape, ss, ds); break;
    case 2: copy_typed(static_cast<const uint16_t*>(src), static_cast<uint16_t*>(dst), rank, shape, ss, ds); break;
    case 8: copy_typed(static_cast<const uint64_t*>(src), static_cast<uint64_t*>(dst), rank, shape, ss, ds); break;
    default: copy_typed(static_cast<const uint32_t*>(src), static_cast<uint32_t*>(dst), rank, shape, ss, ds); break;
  }
}

void gather(const void* src, void* dst, int64_t outer, int64_t axis_size, int64_t inner, const int32_t* index, int64_t n_index, int elem_size) {
  const int64_t row = inner * elem_size;
  const auto* s = static_cast<const uint8_t*>(src);
  auto* d = static_cast<uint8_t*>(dst);
  parallel_for(outer * n_index, std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(row, 1)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; r++) {
      const int64_t o = r / n_index, j = r % n_index;
      std::memcpy(d + r * row, s + (o * axis_size + index[j]) * row, row);
    }
  });
}

void fill(void* dst, int64_t n, const void* value, int elem_size) {
  auto* d = static_cast<uint8_t*>(dst);
  if (elem_size == 4) {
    uint32_t v;
    std::memcpy(&v, value, 4);
    auto* p = reinterpret_cast<uint32_t*>(d);
    if (v == 0) {
      std::memset(p, 0, n * 4);
    } else {
      std::fill(p, p + n, v);
    }
  } else {
    for (int64_t i = 0; i < n; i++) std::memcpy(d + i * elem_size, value, elem_size);
  }
}

}  // namespace dlnative
