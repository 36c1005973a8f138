{
  # The addon of @dl/backend-native. The micro-kernels for AVX2 and AVX-512 are built as their
  # own static libraries with those instruction sets enabled (gyp has no per-file flags); the
  # code picks one at run time from what the CPU supports, so one binary runs on any x86-64.
  "variables": {
    "dl_common_cflags": ["-O3", "-fPIC", "-fno-math-errno", "-Wall", "-Wno-unused-function"],
  },
  "target_defaults": {
    "cflags_cc!": ["-fno-exceptions"],
    "cflags_cc": ["-std=c++17", "-fexceptions"],
    "cflags": ["<@(dl_common_cflags)"],
    "xcode_settings": {
      "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
      "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
      "OTHER_CFLAGS": ["-O3", "-fno-math-errno"],
    },
    "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1, "AdditionalOptions": ["/std:c++17"] } },
  },
  "targets": [
    {
      "target_name": "dl_native",
      "sources": [
        "src/native/addon.cc",
        "src/native/blas.cc",
        "src/native/conv.cc",
        "src/native/copy.cc",
        "src/native/cpu_features.cc",
        "src/native/elementwise.cc",
        "src/native/gemm.cc",
        "src/native/gemm_kernel_generic.cc",
        "src/native/loss.cc",
        "src/native/nchw.cc",
        "src/native/optim.cc",
        "src/native/pool.cc",
        "src/native/reduce.cc",
        "src/native/thread_pool.cc",
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "conditions": [
        ["target_arch=='x64'", {
          "dependencies": ["dl_kernels_avx2", "dl_kernels_avx512"],
          "defines": ["DL_HAVE_AVX2", "DL_HAVE_AVX512"],
        }, {
          "sources": ["src/native/gemm_kernel_avx2.cc", "src/native/gemm_kernel_avx512.cc"],
        }],
        ["OS=='linux'", { "libraries": ["-ldl", "-lpthread"] }],
      ],
    },
  ],
  "conditions": [
    ["target_arch=='x64'", {
      "targets": [
        {
          "target_name": "dl_kernels_avx2",
          "type": "static_library",
          "sources": ["src/native/gemm_kernel_avx2.cc"],
          "defines": ["DL_HAVE_AVX2"],
          "cflags": ["-mavx2", "-mfma"],
          "xcode_settings": { "OTHER_CFLAGS": ["-O3", "-mavx2", "-mfma"] },
        },
        {
          "target_name": "dl_kernels_avx512",
          "type": "static_library",
          "sources": ["src/native/gemm_kernel_avx512.cc"],
          "defines": ["DL_HAVE_AVX512", "DL_HAVE_AVX2"],
          "cflags": ["-mavx512f", "-mavx2", "-mfma"],
          "xcode_settings": { "OTHER_CFLAGS": ["-O3", "-mavx512f", "-mavx2", "-mfma"] },
        },
      ],
    }],
  ],
}
