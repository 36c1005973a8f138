// Browser side of "'@dl/core' means this copy": the bundle already holds the public API, so a
// namespace import serves it without a dynamic import of a file the bundle imports statically.
import * as self from '../index';

/** @internal This copy of @dl/core's public API. */
export async function importSelf(): Promise<Record<string, unknown>> {
  return self as unknown as Record<string, unknown>;
}
