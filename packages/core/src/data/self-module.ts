// Node side of "'@dl/core' means this copy": a call-time import of the public API. Browser builds
// use self-module.browser.ts (bundlers warn about a dynamic import of a statically imported file).

/** @internal This copy of @dl/core's public API. */
export function importSelf(): Promise<Record<string, unknown>> {
  // biome-ignore lint/suspicious/noImportCycles: call-time import of this copy's public API (docs/internals/lint.md).
  return import('../index') as Promise<Record<string, unknown>>;
}
