// Loaded by dl-bottleneck into the profiled script's process (`node --import`, after
// `@dl/profiler/ignite` when @dl/ignite is installed, so engine events are recorded too): starts
// the op profiler and V8's CPU profiler before the script runs, and on exit (normal,
// process.exit, or an uncaught error) hands what it gathered to dl-bottleneck through a
// temporary file.
import { getBackend } from '@dl/core';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { Profiler } from '../profiler/profiler';
import { extraCores, type CoreHookApi } from '../profiler/session';
import { CONFIG_ENV, type ChildConfig, type ChildResult } from './child-result';
import type { V8CpuProfile } from './cpu-profile';
import { summarizeEvents } from './summarize-events';

function coreDir(from: string): string | null {
  try {
    return dirname(createRequire(from).resolve('@dl/core/package.json'));
  } catch {
    return null;
  }
}

function setup(config: ChildConfig): void {
  const warnings: string[] = [];
  const scriptCore = coreDir(config.script);
  if (scriptCore !== null && config.profilerCore !== null && scriptCore !== config.profilerCore) {
    warnings.push(`the script loads @dl/core from ${scriptCore}, dl-bottleneck hooks the one in ${config.profilerCore}: ops of the script's copy are not recorded (install one @dl/core)`);
  }
  if (config.cjs && scriptCore !== null) {
    try {
      // Hooking needs no backend: the script's own `await dl.ready()` picks it.
      extraCores.add(createRequire(config.script)('@dl/core') as CoreHookApi);
    } catch (e) {
      warnings.push(`could not hook the CommonJS build of @dl/core: ${(e as Error).message}`);
    }
  }

  const session = new Session();
  session.connect();
  let cpuOk = true;
  const post = (method: string, params?: object): void =>
    session.post(method, params, (err) => {
      if (err) cpuOk = false;
    });
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: config.intervalUs });
  post('Profiler.start');
  const cpuProfiles: V8CpuProfile[] = [];
  const prof = new Profiler({ recordShapes: config.trace !== null });
  prof._owner = "dl-bottleneck's profiler (it profiles the whole script; profile the script without dl-bottleneck, or drop its own profiler)";
  prof.start();
  const t0 = performance.now();

  /** Writes what was gathered so far; `final` once the process is exiting for sure. */
  const dump = (code: number, final: boolean): void => {
    const result: ChildResult = {
      version: 1,
      exitCode: code,
      backend: 'unknown',
      wallMs: performance.now() - t0,
      eventCount: 0,
      selfCpuTimeTotal: 0,
      averages: [],
      timeline: { spanUs: 0, bars: [] },
      cpuProfiles,
      traceError: null,
      warnings,
    };
    try {
      if (cpuOk) {
        // The in-process inspector session answers synchronously, as an exit handler needs.
        session.post('Profiler.stop', (err, res) => {
          if (!err) cpuProfiles.push((res as { profile: V8CpuProfile }).profile);
        });
        if (!final) post('Profiler.start');
      }
      try {
        result.backend = getBackend();
      } catch {
        result.backend = 'none';
      }
      if (final && prof.running) prof.stop();
      const events = final ? prof.events() : prof._snapshot();
      Object.assign(result, summarizeEvents(events));
      if (config.trace !== null) {
        try {
          events.exportChromeTrace(config.trace);
        } catch (e) {
          result.traceError = (e as Error).message;
        }
      }
    } catch (e) {
      warnings.push(`the profile could not be completed: ${(e as Error).message}`);
    }
    try {
      writeFileSync(config.out, JSON.stringify(result));
    } catch {
      // dl-bottleneck reports a missing result file itself.
    }
  };

  process.on('SIGINT', function onInterrupt() {
    // Stop on Ctrl-C so the profile so far is reported, unless the script handles SIGINT itself.
    if (process.listenerCount('SIGINT') === 1) process.exit(130);
  });
  // An uncaught error may end the process without an 'exit' event (tfjs-wasm's handler rethrows
  // it, exit code 7): save the profile so far first. If the script handles the error and goes
  // on, the exit below saves the whole run.
  process.on('uncaughtExceptionMonitor', () => dump(1, false));
  process.on('exit', (code) => {
    dump(code, true);
    session.disconnect();
  });
}

const raw = process.env[CONFIG_ENV];
// Worker threads inherit --import: only the main thread profiles.
if (isMainThread && raw !== undefined) {
  delete process.env[CONFIG_ENV];
  setup(JSON.parse(raw) as ChildConfig);
}
