import { CAT, type EventCategory, type OpPhase, type Recording } from '../record/recording';
import { buildTree } from './build-tree';
import { FunctionEvent } from './function-event';

const CATEGORY: Record<number, EventCategory> = {
  [CAT.forward]: 'cpu_op',
  [CAT.backward]: 'cpu_op',
  [CAT.kernel]: 'kernel',
  [CAT.user]: 'user_annotation',
  [CAT.dataloader]: 'dataloader',
  [CAT.ignite]: 'ignite',
};

/**
 * @internal Turns a recording into linked events; returns them and the track count. Events
 * still open end at `openEnd` (a snapshot of a running profile; the recording is not changed).
 */
export function eventsFromRecording(rec: Recording, openEnd = NaN): { events: FunctionEvent[]; trackCount: number } {
  const n = rec.length;
  const events: FunctionEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cat = rec.cats[i];
    const phase: OpPhase | null = cat === CAT.forward ? 'forward' : cat === CAT.backward ? 'backward' : null;
    events[i] = new FunctionEvent({
      id: i,
      name: rec.names[i],
      category: CATEGORY[cat],
      phase,
      thread: 0,
      startUs: (rec.starts[i] - rec.t0) * 1000,
      endUs: ((Number.isNaN(rec.ends[i]) ? openEnd : rec.ends[i]) - rec.t0) * 1000,
      inputShapes: rec.shapes !== null ? rec.shapes[i] : null,
      stack: rec.stacks !== null ? rec.stacks[i] : null,
      cpuMemoryUsage: rec.memBegin !== null ? rec.memEnd![i] - rec.memBegin[i] : 0,
      flops: rec.flops !== null ? rec.flops[i] : 0,
    });
  }
  const trackCount = buildTree(events);
  return { events, trackCount };
}
