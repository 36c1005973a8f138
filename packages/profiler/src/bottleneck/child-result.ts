import type { EventCategory } from '../record/recording';
import type { V8CpuProfile } from './cpu-profile';

/** One op-profile row handed from the profiled process to dl-bottleneck. */
export interface AverageData {
  key: string;
  category: EventCategory;
  count: number;
  cpuTimeTotal: number;
  selfCpuTimeTotal: number;
  cpuMemoryUsage: number;
  selfCpuMemoryUsage: number;
  flops: number;
}

/** One timeline bar: name, category, start µs, duration µs, nesting depth. */
export type TimelineBar = [name: string, category: EventCategory, startUs: number, durUs: number, depth: number];

/** What the profiled process leaves for dl-bottleneck when it exits (JSON in a temporary file). */
export interface ChildResult {
  version: 1;
  /** The script's exit code. */
  exitCode: number;
  /** The tfjs backend in use at the end. */
  backend: string;
  /** Milliseconds from the start of the script to its exit. */
  wallMs: number;
  /** Events recorded, and their self time total in µs. */
  eventCount: number;
  selfCpuTimeTotal: number;
  /** Every key of the op profile. */
  averages: AverageData[];
  /** The longest events, for the HTML timeline; `spanUs` is the profile's length. */
  timeline: { spanUs: number; bars: TimelineBar[] };
  /** V8's CPU profile, in parts when the profiler had to stop and restart (empty: none taken). */
  cpuProfiles: V8CpuProfile[];
  /** Why the Chrome trace could not be written, or null. */
  traceError: string | null;
  /** A note when the script's @dl/core is not the one the profiler hooked. */
  warnings: string[];
}

/** How dl-bottleneck configures the profiled process (JSON in DL_BOTTLENECK_CONFIG). */
export interface ChildConfig {
  out: string;
  script: string;
  trace: string | null;
  intervalUs: number;
  profilerCore: string | null;
  cjs: boolean;
}

/** The environment variable carrying the {@link ChildConfig}. */
export const CONFIG_ENV = 'DL_BOTTLENECK_CONFIG';
