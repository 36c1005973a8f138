import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

let override: string | undefined;

/**
 * The folder datasets and downloads are cached in, like `torch.hub.get_dir()`: the folder set by
 * {@link setDataHome}, else `$DL_DATA_HOME`, else `$XDG_CACHE_HOME/dl/data`, else `~/.cache/dl/data`.
 *
 * @example
 * ```ts
 * const root = join(getDataHome(), 'mnist');
 * ```
 */
export function getDataHome(): string {
  if (override !== undefined) return override;
  const env = process.env.DL_DATA_HOME;
  if (env) return resolve(env);
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg ? resolve(xdg, 'dl', 'data') : join(homedir(), '.cache', 'dl', 'data');
}

/**
 * Sets the folder {@link getDataHome} returns for this process (like `torch.hub.set_dir`); pass
 * `undefined` to go back to the environment variables.
 *
 * @example
 * ```ts
 * setDataHome('/mnt/datasets');
 * ```
 */
export function setDataHome(dir: string | undefined): void {
  override = dir === undefined ? undefined : resolve(dir);
}
