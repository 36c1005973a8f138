#include "blas.h"

#include <cstdlib>
#include <mutex>
#if defined(_WIN32)
#define DL_NO_DLOPEN 1
#else
#include <dlfcn.h>
#endif

#include "thread_pool.h"

namespace dlnative {
namespace {

// CBLAS's enums (cblas.h), fixed by the standard interface.
enum { kRowMajor = 101, kNoTrans = 111, kTrans = 112 };
using CblasSgemm = void (*)(int, int, int, int, int, int, float, const float*, int, const float*, int, float, float*, int);
using SetThreads = void (*)(int);
using GetConfig = const char* (*)();

struct Blas {
  void* handle = nullptr;
  CblasSgemm sgemm = nullptr;
  SetThreads set_threads = nullptr;
  std::string name, config;
  bool enabled = false;
};

Blas g_blas;
std::once_flag g_once;

// Optimised libraries first. libblas.so.3 is Debian's alternatives link: it may point at
// OpenBLAS or BLIS, or at the reference BLAS, which is slower than the built-in kernel and is
// then skipped.
const char* const kCandidates[] = {
#if defined(__APPLE__)
    "/System/Library/Frameworks/Accelerate.framework/Accelerate",
#endif
    "libopenblas.so.0", "libopenblas.so", "libopenblasp.so.0", "libmkl_rt.so.2", "libmkl_rt.so", "libblis.so.4", "libblis.so",
    "libblas.so.3",
};

#if !defined(DL_NO_DLOPEN)
bool try_open(const char* path, bool require_optimised, std::string* error) {
  void* h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    if (error) *error = dlerror();
    return false;
  }
  auto sgemm = reinterpret_cast<CblasSgemm>(dlsym(h, "cblas_sgemm"));
  if (!sgemm) {
    if (error) *error = std::string(path) + " has no cblas_sgemm";
    dlclose(h);
    return false;
  }
  auto openblas_config = reinterpret_cast<GetConfig>(dlsym(h, "openblas_get_config"));
  auto openblas_threads = reinterpret_cast<SetThreads>(dlsym(h, "openblas_set_num_threads"));
  auto mkl_threads = reinterpret_cast<SetThreads>(dlsym(h, "MKL_Set_Num_Threads"));
  auto blis_threads = reinterpret_cast<SetThreads>(dlsym(h, "bli_thread_set_num_threads"));
  auto blis_version = reinterpret_cast<GetConfig>(dlsym(h, "bli_info_get_version_str"));
  bool optimised = openblas_config || mkl_threads || blis_version;
#if defined(__APPLE__)
  optimised = optimised || std::string(path).find("Accelerate") != std::string::npos;
#endif
  if (require_optimised && !optimised) {
    if (error) *error = std::string(path) + " is not a known optimised BLAS (reference BLAS?)";
    dlclose(h);
    return false;
  }
  g_blas.handle = h;
  g_blas.sgemm = sgemm;
  g_blas.set_threads = openblas_threads ? openblas_threads : mkl_threads ? mkl_threads : blis_threads;
  g_blas.name = path;
  g_blas.config = openblas_config ? openblas_config() : blis_version ? std::string("BLIS ") + blis_version() : mkl_threads ? "MKL" : "";
  g_blas.enabled = true;
  // Single-threaded: gemm.cc splits the product over @dl's own pool instead.
  if (g_blas.set_threads) g_blas.set_threads(1);
  return true;
}
#endif

void close_current() {
#if !defined(DL_NO_DLOPEN)
  // The handle stays open: another thread may still be inside it, and reloading is rare.
#endif
  g_blas = Blas();
}

bool search() {
#if defined(DL_NO_DLOPEN)
  return false;
#else
  for (const char* path : kCandidates)
    if (try_open(path, true, nullptr)) return true;
  return false;
#endif
}

bool select_impl(const std::string& choice, std::string* error) {
  close_current();
  if (choice == "none" || choice == "builtin" || choice == "0" || choice == "off") return true;
  if (choice.empty() || choice == "auto") return search();
#if defined(DL_NO_DLOPEN)
  if (error) *error = "dlopen is not available on this platform";
  return false;
#else
  return try_open(choice.c_str(), false, error);
#endif
}

void initial_load() {
  const char* v = std::getenv("DL_NATIVE_BLAS");
  select_impl(v ? v : "auto", nullptr);
}

}  // namespace

bool blas_load() {
  std::call_once(g_once, initial_load);
  return g_blas.enabled;
}

bool blas_select(const std::string& choice, std::string* error) {
  blas_load();
  return select_impl(choice, error);
}

bool blas_enabled() { return blas_load() && g_blas.enabled; }

std::string blas_name() { return blas_load() ? g_blas.name : ""; }

std::string blas_config() { return blas_load() ? g_blas.config : ""; }


bool blas_sgemm(const Sgemm& g) {
  if (!blas_enabled()) return false;
  // cblas takes int dimensions.
  if (g.m > 0x7fffffff || g.n > 0x7fffffff || g.k > 0x7fffffff) return false;
  g_blas.sgemm(kRowMajor, g.trans_a ? kTrans : kNoTrans, g.trans_b ? kTrans : kNoTrans, static_cast<int>(g.m), static_cast<int>(g.n),
               static_cast<int>(g.k), g.alpha, g.a, static_cast<int>(g.lda), g.b, static_cast<int>(g.ldb), g.beta, g.c,
               static_cast<int>(g.ldc));
  return true;
}

}  // namespace dlnative
