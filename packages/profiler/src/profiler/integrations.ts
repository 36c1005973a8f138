import type { Recording } from '../record/recording';

/**
 * @internal Something else the profiler records while it runs (ignite's engine events, added by
 * `@dl/profiler/ignite`): installed on `start()`, removed on `stop()`.
 */
export interface ProfilerIntegration {
  install(rec: Recording): void;
  uninstall(): void;
}

/** @internal The integrations loaded so far. */
export const integrations = new Set<ProfilerIntegration>();
