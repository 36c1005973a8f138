import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getHubDir, setHubDir } from './hub-dir';

afterEach(() => {
  vi.unstubAllEnvs();
  setHubDir(undefined);
});

describe('getHubDir', () => {
  it('uses $DL_HOME/hub first, then $XDG_CACHE_HOME/dl/hub, then ~/.cache/dl/hub, as torch.hub does with TORCH_HOME', () => {
    vi.stubEnv('DL_HOME', '/srv/dl');
    vi.stubEnv('XDG_CACHE_HOME', '/xdg');
    expect(getHubDir()).toBe(join('/srv/dl', 'hub'));
    vi.stubEnv('DL_HOME', '~/dl-home');
    expect(getHubDir()).toBe(join(homedir(), 'dl-home', 'hub'));
    vi.stubEnv('DL_HOME', '');
    expect(getHubDir()).toBe(join('/xdg', 'dl', 'hub'));
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(getHubDir()).toBe(join(homedir(), '.cache', 'dl', 'hub'));
  });

  it('prefers the folder given to setHubDir, made absolute, until it is cleared', () => {
    vi.stubEnv('DL_HOME', '/srv/dl');
    setHubDir('relative/hub');
    expect(getHubDir()).toBe(resolve('relative/hub'));
    setHubDir(undefined);
    expect(getHubDir()).toBe(join('/srv/dl', 'hub'));
  });
});
