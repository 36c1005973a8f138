import type { ProfilerIntegration } from '../profiler/integrations';
import { CAT, type Recording } from '../record/recording';
import { addEngineListener, removeEngineListener, type EngineEventListener } from './engine-dispatch';
import { handlerName } from './handler-name';

/** Ranges between events that ignite's profilers report: the process function and the data wait. */
const GAPS: Record<string, string> = { ITERATION_STARTED: 'Engine.process_function', GET_BATCH_STARTED: 'Engine.dataflow' };

/**
 * @internal Records ignite engine events while an op profiler runs: each event fired
 * (`Events.ITERATION_COMPLETED`) with its handlers inside (`handler:logLoss`), and the gaps
 * ignite's profilers measure, `Engine.process_function` (end of ITERATION_STARTED to the next
 * event) and `Engine.dataflow` (end of GET_BATCH_STARTED to the next event).
 */
export function traceIntegration(): ProfilerIntegration {
  let listener: EngineEventListener | null = null;
  return {
    install(rec: Recording) {
      const openGap = new Map<unknown, number>();
      const closeGap = (engine: unknown): void => {
        const g = openGap.get(engine);
        if (g !== undefined) {
          rec.end(g);
          openGap.delete(engine);
        }
      };
      listener = {
        beginEvent(engine, event) {
          closeGap(engine);
          return [engine, event, rec.begin(`Events.${event}`, CAT.ignite)];
        },
        endEvent(token) {
          const [engine, event, i] = token as [unknown, string, number];
          rec.end(i);
          const gap = GAPS[event];
          if (gap !== undefined) openGap.set(engine, rec.begin(gap, CAT.ignite));
        },
        beginHandler(_engine, _event, handler) {
          return rec.begin(`handler:${handlerName(handler)}`, CAT.ignite);
        },
        endHandler(token) {
          rec.end(token as number);
        },
      };
      addEngineListener(listener);
    },
    uninstall() {
      if (listener !== null) removeEngineListener(listener);
      listener = null;
    },
  };
}
