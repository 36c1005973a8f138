import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, USAGE, UsageError, type BottleneckArgs } from './args';
import { CONFIG_ENV, type ChildConfig, type ChildResult } from './child-result';
import { summarizeCpuProfiles } from './cpu-profile';
import { describeEnvironment, isCommonJs } from './environment';
import { renderHtmlReport } from './html-report';
import { cpuText, environmentText, opText, section } from './report-text';

/** Where dl-bottleneck writes: the terminal, or a test's buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const STD_IO: Io = { out: (t) => void process.stdout.write(t + '\n'), err: (t) => void process.stderr.write(t + '\n') };

const SCRIPT_EXT = /\.(js|mjs|cjs|ts|mts|cts)$/;
const TS_EXT = /\.(ts|mts|cts)$/;

/** Why `path` cannot be written, or null when it can (checked before the script runs). */
function unwritable(path: string): string | null {
  const abs = resolve(path);
  if (existsSync(abs) && statSync(abs).isDirectory()) return 'it is a directory';
  const existed = existsSync(abs);
  try {
    closeSync(openSync(abs, 'a'));
    if (!existed) rmSync(abs);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function selfVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

function preloadUrl(): string {
  return new URL('./bottleneck-preload.js', import.meta.url).href;
}

function profilerCoreDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('@dl/core/package.json'));
  } catch {
    return null;
  }
}

function tsLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** `@dl/profiler/ignite`, preloaded when @dl/ignite is installed so engine events are recorded. */
function igniteIntegrationUrl(): string | null {
  try {
    createRequire(import.meta.url).resolve('@dl/ignite');
    return new URL('./ignite.js', import.meta.url).href;
  } catch {
    return null;
  }
}

/** Checks the input; returns an exit code on failure. */
function validate(args: BottleneckArgs, io: Io): number | null {
  const script = resolve(args.script);
  if (!existsSync(script)) {
    io.err(`dl-bottleneck: cannot find the script '${args.script}' (looked for ${script})`);
    return 2;
  }
  if (!statSync(script).isFile()) {
    io.err(`dl-bottleneck: '${args.script}' is a directory, not a script`);
    return 2;
  }
  if (!SCRIPT_EXT.test(script)) {
    io.err(`dl-bottleneck: '${args.script}' is not a JavaScript or TypeScript file (expected .js, .mjs, .cjs, .ts, .mts or .cts)`);
    return 2;
  }
  for (const [flag, path] of [['--html', args.html], ['--trace', args.trace]] as const) {
    if (path === null) continue;
    const why = unwritable(path);
    if (why !== null) {
      io.err(`dl-bottleneck: cannot write the ${flag} file '${path}': ${why}`);
      return 2;
    }
  }
  return null;
}

/** Runs the script in a child Node process with the preload; resolves with its exit code or signal. */
function runChild(args: BottleneckArgs, config: ChildConfig): Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | null }> {
  const ignite = igniteIntegrationUrl();
  const execArgs = [
    ...(TS_EXT.test(config.script) ? ['--import', tsLoaderUrl()] : []),
    ...(ignite !== null ? ['--import', ignite] : []),
    '--import',
    preloadUrl(),
    config.script,
    ...args.scriptArgs,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, execArgs, { stdio: 'inherit', env: { ...process.env, [CONFIG_ENV]: JSON.stringify(config) } });
    // Ctrl-C reaches the script too: wait for it to stop, then report what it did so far.
    const ignore = (): void => undefined;
    process.on('SIGINT', ignore);
    child.on('error', (error) => {
      process.off('SIGINT', ignore);
      done({ code: null, signal: null, error });
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      done({ code, signal, error: null });
    });
  });
}

function readResult(path: string): ChildResult | null {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as ChildResult;
    return r.version === 1 ? r : null;
  } catch {
    return null;
  }
}

/**
 * `dl-bottleneck path/to/script [args...]`: prints the environment, runs the script under the op
 * profiler and V8's CPU profiler, prints the top ops and JavaScript functions, and writes the
 * HTML report and Chrome trace when asked. Resolves with the exit code (the script's, when it
 * failed).
 */
export async function main(argv: readonly string[], io: Io = STD_IO): Promise<number> {
  let args: BottleneckArgs;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      io.out(selfVersion());
      return 0;
    }
    args = parsed;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`dl-bottleneck: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  const bad = validate(args, io);
  if (bad !== null) return bad;

  const script = resolve(args.script);
  const env = describeEnvironment(script, import.meta.url);
  io.out(environmentText(env));
  io.out(section(`Running ${[relative(process.cwd(), script) || script, ...args.scriptArgs].join(' ')}`));

  const dir = mkdtempSync(join(tmpdir(), 'dl-bottleneck-'));
  const out = join(dir, 'result.json');
  const config: ChildConfig = { out, script, trace: args.trace === null ? null : resolve(args.trace), intervalUs: args.intervalUs, profilerCore: profilerCoreDir(), cjs: isCommonJs(script) };
  let exit: Awaited<ReturnType<typeof runChild>>;
  let result: ChildResult | null;
  try {
    exit = await runChild(args, config);
    result = readResult(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (exit.error !== null) {
    io.err(`dl-bottleneck: could not start Node.js for the script: ${exit.error.message}`);
    return 1;
  }
  const scriptCode = exit.signal !== null ? 128 + (constants.signals[exit.signal] ?? 0) : (exit.code ?? 1);
  if (result === null) {
    io.err(`dl-bottleneck: the script ${exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${scriptCode}`} before a profile could be saved; nothing to report`);
    return scriptCode === 0 ? 1 : scriptCode;
  }

  const cpu = summarizeCpuProfiles(result.cpuProfiles ?? [], process.cwd());
  if (scriptCode !== 0) io.out(section(`The script ${exit.signal !== null ? `was stopped by ${exit.signal}` : `exited with code ${scriptCode}`}: the profile below covers it up to then`));
  io.out(cpuText(cpu, args.top));
  io.out(opText(result, args.top, args.sort));
  for (const w of result.warnings) io.err(`dl-bottleneck: warning: ${w}`);

  let code = scriptCode;
  if (args.trace !== null) {
    if (result.traceError !== null) {
      io.err(`dl-bottleneck: could not write the Chrome trace: ${result.traceError}`);
      code ||= 1;
    } else io.out(`Chrome trace written to ${args.trace} (open it in chrome://tracing or https://ui.perfetto.dev)`);
  }
  if (args.html !== null) {
    try {
      writeFileSync(args.html, renderHtmlReport({ script: args.script, args: args.scriptArgs, env, result, cpu, sort: args.sort, top: args.top, createdAt: new Date() }));
      io.out(`HTML report written to ${args.html}`);
    } catch (e) {
      io.err(`dl-bottleneck: could not write the HTML report '${args.html}': ${(e as Error).message}`);
      code ||= 1;
    }
  }
  return code;
}
