import type { EventList } from '../events/event-list';
import type { FunctionEvent } from '../events/function-event';
import type { AverageData, ChildResult, TimelineBar } from './child-result';

/** Timeline bars kept for the HTML report (the longest events). */
const MAX_BARS = 3000;

function depthOf(e: FunctionEvent): number {
  let d = 0;
  for (let p = e.parent; p !== null; p = p.parent) d++;
  return d;
}

function timeline(events: readonly FunctionEvent[]): ChildResult['timeline'] {
  let span = 0;
  for (const e of events) if (e.endUs > span) span = e.endUs;
  // Bars narrower than ~1/4000 of the span would not show; keep the longest few thousand.
  const visible = events.filter((e) => e.cpuTimeTotal >= span / 4000);
  visible.sort((a, b) => b.cpuTimeTotal - a.cpuTimeTotal);
  const bars: TimelineBar[] = visible.slice(0, MAX_BARS).map((e) => [e.name, e.category, e.startUs, e.cpuTimeTotal, e.isAsync ? 0 : depthOf(e)]);
  return { spanUs: span, bars };
}

/** @internal The part of dl-bottleneck's report that comes from the op profile. */
export function summarizeEvents(events: EventList<FunctionEvent>): Pick<ChildResult, 'eventCount' | 'selfCpuTimeTotal' | 'averages' | 'timeline'> {
  return {
    eventCount: events.length,
    selfCpuTimeTotal: events.selfCpuTimeTotal,
    averages: events.keyAverages().map(
      (a): AverageData => ({
        key: a.key,
        category: a.category,
        count: a.count,
        cpuTimeTotal: a.cpuTimeTotal,
        selfCpuTimeTotal: a.selfCpuTimeTotal,
        cpuMemoryUsage: a.cpuMemoryUsage,
        selfCpuMemoryUsage: a.selfCpuMemoryUsage,
        flops: a.flops,
      }),
    ),
    timeline: timeline(events),
  };
}
