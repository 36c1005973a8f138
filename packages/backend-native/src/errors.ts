/**
 * The native backend cannot run here: its addon was not built at install, does not load on this
 * platform, or a setting was given a bad value. The message says which and what to do.
 *
 * @example
 * ```ts
 * try { loadNativeAddon(); } catch (e) { if (e instanceof NativeBackendError) console.warn(e.message); }
 * ```
 */
export class NativeBackendError extends Error {
  override name = 'NativeBackendError';
}

/**
 * A `Dl*` kernel of the native backend (see `DL_KERNELS`) was given inputs or attributes it
 * cannot take: wrong dtype, rank or shape, or bad geometry. The message names the kernel and
 * the argument. Thrown before the addon is called, so nothing native runs on bad input.
 *
 * @example
 * ```ts
 * try { tf.engine().runKernel('DlConv2dNCHW', { x, filter }, { groups: 3 }); }
 * catch (e) { if (e instanceof NativeKernelError) console.warn(e.message); }
 * ```
 */
export class NativeKernelError extends Error {
  override name = 'NativeKernelError';
}
