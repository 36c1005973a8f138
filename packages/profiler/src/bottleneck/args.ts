import { sortField, type SortKey } from '../format/sort-keys';

/** What `dl-bottleneck` was asked to do. */
export interface BottleneckArgs {
  /** The script to run, as given. */
  script: string;
  /** Arguments passed on to the script. */
  scriptArgs: string[];
  /** Where to write the HTML report, if anywhere. */
  html: string | null;
  /** Where to write the Chrome trace, if anywhere. */
  trace: string | null;
  /** Rows in each top list. */
  top: number;
  /** The key the op table is sorted by. */
  sort: SortKey;
  /** V8 sampling interval, microseconds. */
  intervalUs: number;
}

/** Bad command-line input: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: dl-bottleneck [options] path/to/script.(js|mjs|cjs|ts|mts|cts) [script args...]

Runs the script under @dl's op profiler and V8's CPU profiler, then prints an environment
summary, the top ops and the top JavaScript functions by self time (PyTorch's
python -m torch.utils.bottleneck).

Options (before the script; everything after it goes to the script):
  --html <file>        also write a self-contained HTML report (op table, chart, timeline)
  --trace <file>       also write the op profile as a Chrome trace (chrome://tracing, Perfetto)
  --top <n>            rows in each top list (default 15)
  --sort <key>         op table order: cpu_time_total (default), self_cpu_time_total, count, ...
  --interval <us>      V8 CPU sampling interval in microseconds (default 250)
  -h, --help           show this help
  -v, --version        show the version`;

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} should be a positive integer, got '${v}'`);
  return n;
}

/**
 * @internal Parses `dl-bottleneck` arguments; options come before the script, the rest is the
 * script's. Returns 'help' / 'version' for those flags.
 */
export function parseArgs(argv: readonly string[]): BottleneckArgs | 'help' | 'version' {
  const out: BottleneckArgs = { script: '', scriptArgs: [], html: null, trace: null, top: 15, sort: 'cpu_time_total', intervalUs: 250 };
  let i = 0;
  const value = (flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
    i += 2;
    return v;
  };
  while (i < argv.length) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const eq = a.indexOf('=');
    const flag = eq === -1 ? a : a.slice(0, eq);
    const inline = eq === -1 ? null : a.slice(eq + 1);
    const take = (): string => {
      if (inline === null) return value(flag);
      if (inline === '') throw new UsageError(`${flag} needs a value`);
      i++;
      return inline;
    };
    switch (flag) {
      case '--html':
        out.html = take();
        break;
      case '--trace':
        out.trace = take();
        break;
      case '--top':
        out.top = positiveInt(flag, take());
        break;
      case '--interval':
        out.intervalUs = positiveInt(flag, take());
        break;
      case '--sort': {
        const key = take();
        try {
          sortField(key, '--sort');
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        out.sort = key as SortKey;
        break;
      }
      default:
        throw new UsageError(`unknown option '${a}'`);
    }
  }
  if (i >= argv.length) throw new UsageError('missing the script to run');
  out.script = argv[i];
  out.scriptArgs = argv.slice(i + 1);
  return out;
}
