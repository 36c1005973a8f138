/** Options of {@link Profiler} and `profile()` (PyTorch's `torch.autograd.profiler.profile`). */
export interface ProfilerOptions {
  /** Record anything at all; `false` makes the profiler a no-op. @default true */
  enabled?: boolean;
  /** Record the input shapes of ops and kernels (for `groupByInputShape` and traces). @default false */
  recordShapes?: boolean;
  /** Record the tensor memory each event allocates (net bytes: the CPU Mem columns). @default false */
  profileMemory?: boolean;
  /** Record the user's source location of each op and range (Source Location column, `exportStacks`). @default false */
  withStack?: boolean;
  /** Estimate floating-point operations of matrix products, convolutions and elementwise kernels. @default false */
  withFlops?: boolean;
  /** Record the tfjs kernel under each op (`tfjs::` events); `false` records ops only, for the least overhead. @default true */
  withKernels?: boolean;
}
