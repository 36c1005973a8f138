import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDataHome, setDataHome } from './data-home';

afterEach(() => {
  vi.unstubAllEnvs();
  setDataHome(undefined);
});

describe('getDataHome', () => {
  it('uses DL_DATA_HOME first, then XDG_CACHE_HOME/dl/data, then ~/.cache/dl/data', () => {
    vi.stubEnv('DL_DATA_HOME', '/srv/datasets');
    vi.stubEnv('XDG_CACHE_HOME', '/xdg');
    expect(getDataHome()).toBe('/srv/datasets');
    vi.stubEnv('DL_DATA_HOME', '');
    expect(getDataHome()).toBe(join('/xdg', 'dl', 'data'));
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(getDataHome()).toBe(join(homedir(), '.cache', 'dl', 'data'));
  });

  it('prefers the folder given to setDataHome, made absolute, until it is cleared', () => {
    vi.stubEnv('DL_DATA_HOME', '/srv/datasets');
    setDataHome('relative/data');
    expect(getDataHome()).toBe(resolve('relative/data'));
    setDataHome(undefined);
    expect(getDataHome()).toBe('/srv/datasets');
  });
});
