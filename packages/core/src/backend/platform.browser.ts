// Browser side of the backend's platform hooks (see platform.ts for the Node side).
import type { BackendPlatform } from './platform';

/** @internal */
export const platform: BackendPlatform = {
  name: 'browser',
  loadNativeTfjs: () => false,
  loadNativeBackend: () => ({ status: 'missing' }),
  env: () => undefined,
  initWithoutGlobalHandlers: (init) => init(),
};
