import type { ImageBackendName } from '../image-backend';

/** @internal The backend chosen by setImageBackend (undefined: the default), and whether the fallback warned. */
export const backendState: { chosen: ImageBackendName | undefined; warned: boolean } = { chosen: undefined, warned: false };

/** @internal For tests: back to the default backend, and warn again next time. */
export function resetImageBackend(): void {
  backendState.chosen = undefined;
  backendState.warned = false;
}
