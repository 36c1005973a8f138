import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

let override: string | undefined;

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

/**
 * The folder @dl keeps downloaded model files in, like `torch.hub.get_dir()`: the folder set by
 * {@link setHubDir}, else `$DL_HOME/hub`, else `$XDG_CACHE_HOME/dl/hub`, else `~/.cache/dl/hub`
 * (`DL_HOME` plays the part of `TORCH_HOME`). Weights are cached in its `checkpoints` folder.
 *
 * @example
 * ```ts
 * import { join } from 'node:path';
 * const checkpoints = join(getHubDir(), 'checkpoints'); // ~/.cache/dl/hub/checkpoints
 * ```
 */
export function getHubDir(): string {
  if (override !== undefined) return override;
  const home = process.env.DL_HOME;
  if (home) return join(resolve(expandHome(home)), 'hub');
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg ? join(resolve(expandHome(xdg)), 'dl', 'hub') : join(homedir(), '.cache', 'dl', 'hub');
}

/**
 * Sets the folder {@link getHubDir} returns for this process (like `torch.hub.set_dir`); pass
 * `undefined` to go back to the environment variables.
 *
 * @example
 * ```ts
 * setHubDir('/mnt/models'); // weights now go to /mnt/models/checkpoints
 * ```
 */
export function setHubDir(dir: string | undefined): void {
  override = dir === undefined ? undefined : resolve(expandHome(dir));
}
