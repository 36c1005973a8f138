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
