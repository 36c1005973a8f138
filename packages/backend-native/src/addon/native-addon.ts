/** What the compiled addon reports about itself. */
export interface NativeInfo {
  /** The instruction set the kernels use: `'avx512'`, `'avx2'` or `'generic'`. */
  isa: 'avx512' | 'avx2' | 'generic';
  /** The best one this CPU supports. */
  detectedIsa: 'avx512' | 'avx2' | 'generic';
  /** The built-in GEMM micro-kernel, e.g. `'avx2+fma 6x16'`. */
  gemmKernel: string;
  /** Threads the kernels use now (the calling thread included). */
  threads: number;
  /** The default thread count (DL_NUM_THREADS, OMP_NUM_THREADS, else the CPUs available). */
  defaultThreads: number;
  /** The system BLAS in use for large GEMMs (a library name), or null for the built-in kernel. */
  blas: string | null;
  /** The BLAS's own description (OpenBLAS's build configuration), or ''. */
  blasConfig: string;
}

/** @internal The functions of the compiled addon (src/native/addon.cc), all synchronous. */
export interface NativeAddon {
  info(): NativeInfo;
  setNumThreads(n: number): number;
  setIsa(isa: 'avx512' | 'avx2' | 'generic'): boolean;
  /** null when the choice took effect, else why not. */
  setBlas(choice: string): string | null;
  matmul(
    a: Float32Array, b: Float32Array, out: Float32Array, batchA: number, batchB: number, batch: number,
    m: number, n: number, k: number, transA: boolean, transB: boolean,
    bias: Float32Array | null, activation: number, alpha: number, builtin: boolean,
  ): void;
  binary(op: number, a: Float32Array, b: Float32Array, out: Float32Array | Uint8Array, shape: Int32Array, stridesA: Int32Array, stridesB: Int32Array): void;
  unary(op: number, x: Float32Array, out: Float32Array, alpha: number): void;
  reluGrad(dy: Float32Array, x: Float32Array, out: Float32Array): void;
  softmax(x: Float32Array, out: Float32Array, rows: number, cols: number, log: boolean): void;
  reduce(op: number, x: Float32Array, out: Float32Array, outer: number, size: number, inner: number): void;
  argReduce(min: boolean, x: Float32Array, out: Int32Array, outer: number, size: number, inner: number): void;
  copy(src: ArrayBufferView, dst: ArrayBufferView, shape: Int32Array, srcStrides: Int32Array, dstStrides: Int32Array, srcOffset: number, dstOffset: number): void;
  gather(src: ArrayBufferView, dst: ArrayBufferView, outer: number, axisSize: number, inner: number, indices: Int32Array): void;
  conv2d(x: Float32Array, filter: Float32Array, out: Float32Array, geometry: Int32Array, bias: Float32Array | null, activation: number, alpha: number): void;
  conv2dBackpropInput(dy: Float32Array, filter: Float32Array, dx: Float32Array, geometry: Int32Array): void;
  conv2dBackpropFilter(x: Float32Array, dy: Float32Array, dw: Float32Array, geometry: Int32Array): void;
  pool2d(max: boolean, x: Float32Array, out: Float32Array, geometry: Int32Array): void;
  maxPool2dGrad(x: Float32Array, dy: Float32Array, dx: Float32Array, geometry: Int32Array): void;
  avgPool2dGrad(dy: Float32Array, dx: Float32Array, geometry: Int32Array): void;
  /** geometry: [N, C, H, W, O, kH, kW, OH, OW, sH, sW, dH, dW, padTop, padLeft, groups, strategy] (src/native/nchw.h). */
  conv2dNchw(x: Float32Array, filter: Float32Array, bias: Float32Array | null, out: Float32Array, geometry: Int32Array): void;
  conv2dNchwBackpropInput(dy: Float32Array, filter: Float32Array, dx: Float32Array, geometry: Int32Array): void;
  conv2dNchwBackpropFilter(x: Float32Array, dy: Float32Array, dw: Float32Array, dbias: Float32Array | null, geometry: Int32Array): void;
  /** geometry: [planes, H, W, OH, OW, kH, kW]; rows [OH * kH] and cols [OW * kW] are the taps. */
  windowMax(x: Float32Array, out: Float32Array, indices: Int32Array, geometry: Int32Array, rows: Int32Array, cols: Int32Array): void;
  windowMaxGrad(dy: Float32Array, indices: Int32Array, dx: Float32Array, planes: number, inSize: number, outSize: number): void;
  windowAvg(x: Float32Array, scale: Float32Array, out: Float32Array, geometry: Int32Array, rows: Int32Array, cols: Int32Array): void;
  windowAvgGrad(dy: Float32Array, scale: Float32Array, dx: Float32Array, geometry: Int32Array, rows: Int32Array, cols: Int32Array): void;
  batchNormTrain(
    x: Float32Array, weight: Float32Array | null, bias: Float32Array | null, out: Float32Array,
    mean: Float32Array, variance: Float32Array, invstd: Float32Array, n: number, c: number, s: number, eps: number,
  ): void;
  batchNormTrainGrad(
    dy: Float32Array, x: Float32Array, mean: Float32Array, invstd: Float32Array, weight: Float32Array | null,
    dx: Float32Array | null, dweight: Float32Array | null, dbias: Float32Array | null, n: number, c: number, s: number,
  ): void;
  /** One SGD step over param's elements (src/native/optim.h); every array as long as param; outBuf needed when momentum != 0. */
  sgdStep(
    param: Float32Array, grad: Float32Array, momentumBuffer: Float32Array | null, outParam: Float32Array, outMomentumBuffer: Float32Array | null,
    lr: number, momentum: number, dampening: number, weightDecay: number, nesterov: boolean, maximize: boolean,
  ): void;
  /** One Adam/AdamW step over param's elements (src/native/optim.h); stepSize = lr / (1 - beta1^step). */
  adamStep(
    param: Float32Array, grad: Float32Array, expAvg: Float32Array | null, expAvgSq: Float32Array | null, maxExpAvgSq: Float32Array | null,
    outParam: Float32Array, outExpAvg: Float32Array, outExpAvgSq: Float32Array, outMaxExpAvgSq: Float32Array | null,
    lr: number, beta1: number, beta2: number, eps: number, weightDecay: number, stepSize: number, biasCorrection2Sqrt: number,
    amsgrad: boolean, maximize: boolean, decoupled: boolean,
  ): void;
  /** Fused log-softmax + NLL over [outer, classes, inner] logits (src/native/loss.h); coef is a then b; returns the summed loss. */
  crossEntropy(
    logits: Float32Array, target: Int32Array, coef: Float32Array, weight: Float32Array | null, logp: Float32Array, loss: Float32Array,
    outer: number, classes: number, inner: number,
  ): number;
  /** The logits' gradient of `crossEntropy`; dy holds one value per position, or one for all. */
  crossEntropyGrad(
    logp: Float32Array, target: Int32Array, coef: Float32Array, weight: Float32Array | null, dy: Float32Array, dlogits: Float32Array,
    outer: number, classes: number, inner: number,
  ): void;
}
