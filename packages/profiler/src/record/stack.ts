/** Frames kept per event (after dropping the library's own). */
const MAX_FRAMES = 8;
/** Frames captured before filtering: the library's own frames come first. */
const CAPTURE_DEPTH = 40;

/**
 * Where frames come from that are not the user's: this package, @dl/core and its dependencies,
 * Node's internals. Roots are found once (in Node) from the packages' locations.
 */
let internalRoots: string[] | null = null;

type ModuleApi = { createRequire(base: string): { resolve(id: string): string } };
type PathApi = { dirname(p: string): string; sep: string };

function findRoots(): string[] {
  const roots: string[] = [];
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:module') as ModuleApi | undefined;
  const path = proc?.getBuiltinModule?.('node:path') as PathApi | undefined;
  if (mod && path) {
    for (const pkg of ['@dl/core/package.json', '@dl/profiler/package.json', '@dl/ignite/package.json']) {
      try {
        const root = path.dirname(mod.createRequire(import.meta.url).resolve(pkg)) + path.sep;
        roots.push(root + 'dist' + path.sep, root + 'src' + path.sep);
      } catch {
        // Not installed, or not resolvable from here: the name patterns below still apply.
      }
    }
  }
  return roots;
}

const INTERNAL_PATTERNS = ['node:', '/node_modules/', '\\node_modules\\'];
const TEST_FILE = /\.test\.[cm]?[jt]s$/;

function isInternal(file: string): boolean {
  internalRoots ??= findRoots();
  for (const p of INTERNAL_PATTERNS) if (file.includes(p)) return true;
  // A package's own tests call it the way users do: their frames are the user's.
  if (TEST_FILE.test(file)) return false;
  for (const r of internalRoots) if (file.startsWith(r)) return true;
  return false;
}

/** `at fn (file:line:col)` or `at file:line:col` → `file(line): fn`, as PyTorch prints frames. */
function parseFrame(line: string): { file: string; text: string } | null {
  const m = /^\s*at (?:(.*?) \()?(.*?):(\d+):\d+\)?$/.exec(line);
  if (!m) return null;
  let file = m[2];
  if (file.startsWith('file://')) file = decodeURIComponent(file.slice(7));
  const fn = m[1] ?? '<anonymous>';
  return { file, text: `${shorten(file)}(${m[3]}): ${fn.replace(/^async /, '')}` };
}

let cwd: string | null = null;

function shorten(file: string): string {
  if (cwd === null) {
    const proc = (globalThis as { process?: { cwd?: () => string } }).process;
    cwd = proc?.cwd ? proc.cwd() + '/' : '';
  }
  return cwd && file.startsWith(cwd) ? file.slice(cwd.length) : file;
}

/**
 * @internal The caller's frames, innermost first, without this package's, @dl/core's and
 * dependencies' frames (PyTorch's `with_stack` "Source Location"). Null when none are left.
 */
export function captureUserStack(): string[] | null {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = CAPTURE_DEPTH;
  Error.captureStackTrace(holder, captureUserStack);
  Error.stackTraceLimit = limit;
  const lines = (holder.stack ?? '').split('\n');
  const out: string[] = [];
  for (let i = 1; i < lines.length && out.length < MAX_FRAMES; i++) {
    const f = parseFrame(lines[i]);
    if (f && !isInternal(f.file)) out.push(f.text);
  }
  return out.length ? out : null;
}
