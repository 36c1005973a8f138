// vitest globalSetup: makes sure Debian's Chromium is installed before the browser test runs,
// installing it with apt-get when it is missing (CI and fresh machines run as root on Debian).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium';

function apt(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  return { ok: r.status === 0, output };
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export default function setup(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const howTo = `Install it and run the test again (apt-get update && apt-get install -y --no-install-recommends chromium), or point DL_CHROMIUM_PATH at a Chromium or Chrome binary`;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`@dl/browser-tests needs Debian's Chromium at ${CHROMIUM_PATH}, and this machine has no apt-get to install it. ${howTo}`);
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`@dl/browser-tests needs Debian's Chromium at ${CHROMIUM_PATH}; installing it needs root. ${howTo}`);
  }
  console.log(`[browser-tests] ${CHROMIUM_PATH} is missing: installing Debian's chromium package with apt-get`);
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  let r = apt(install);
  if (!r.ok) {
    // A fresh machine has no package lists yet (or stale ones): fetch them, then try again.
    const update = apt(['update']);
    if (!update.ok) throw new Error(`@dl/browser-tests: apt-get update failed, so Chromium cannot be installed:\n${tail(update.output)}\n${howTo}`);
    r = apt(install);
  }
  if (!r.ok || !existsSync(CHROMIUM_PATH)) {
    throw new Error(`@dl/browser-tests: apt-get install chromium failed, so the browser test cannot run:\n${tail(r.output)}\n${howTo}`);
  }
  console.log(`[browser-tests] installed ${CHROMIUM_PATH}`);
}
