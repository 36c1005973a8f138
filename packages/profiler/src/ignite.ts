// @dl/profiler/ignite: pytorch-ignite's time profilers, and ignite engine events in op profiles.
// Importing this entry makes every Profiler record engine events and handlers too.
import { integrations } from './profiler/integrations';
import { traceIntegration } from './ignite/trace-integration';

integrations.add(traceIntegration());

export * from './ignite/basic-time-profiler';
export * from './ignite/handlers-time-profiler';
