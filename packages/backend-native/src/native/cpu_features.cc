#include "cpu_features.h"

#include <cstdlib>
#include <cstring>

namespace dlnative {
namespace {

Isa detect() {
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::kAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::kAvx2;
#endif
  return Isa::kGeneric;
}

Isa initial() {
  Isa best = detect();
  // DL_NATIVE_ISA=avx2|generic lowers the choice (to compare kernels, or to work around a bug).
  const char* v = std::getenv("DL_NATIVE_ISA");
  if (v) {
    if (!std::strcmp(v, "generic")) return Isa::kGeneric;
    if (!std::strcmp(v, "avx2") && best >= Isa::kAvx2) return Isa::kAvx2;
  }
  return best;
}

Isa g_active = initial();

}  // namespace

Isa detected_isa() {
  static Isa d = detect();
  return d;
}

Isa active_isa() { return g_active; }

bool set_isa(Isa isa) {
  if (isa > detected_isa()) return false;
  g_active = isa;
  return true;
}

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::kAvx512: return "avx512";
    case Isa::kAvx2: return "avx2";
    default: return "generic";
  }
}

}  // namespace dlnative
