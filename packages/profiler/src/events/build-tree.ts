import type { FunctionEvent } from './function-event';

/** Whether `outer` (open on a track) still encloses `e`, given `e` starts no earlier than it. */
function encloses(outer: FunctionEvent, e: FunctionEvent): boolean {
  if (e.endUs > outer.endUs) return false;
  // An event of some length that starts just as `outer` ends follows it; it is not inside.
  return e.startUs < outer.endUs || e.startUs === e.endUs;
}

/**
 * @internal Links each event to the event directly enclosing it (PyTorch's
 * `_populate_cpu_children`) and gives each a trace track. Synchronous code always nests; an
 * async range that overlaps another only partly goes to a track of its own (1, 2, ...), is marked
 * `isAsync` and, as in PyTorch, takes no part in parent/child (self time) accounting.
 * Returns the number of tracks.
 */
export function buildTree(events: readonly FunctionEvent[]): number {
  const order = events.slice().sort((a, b) => a.startUs - b.startUs || b.endUs - a.endUs || a.id - b.id);
  const open: FunctionEvent[][] = [[]];
  for (const e of order) {
    let track = -1;
    for (let t = 0; t < open.length; t++) {
      const stack = open[t];
      while (stack.length > 0 && !encloses(stack[stack.length - 1], e)) {
        const top = stack[stack.length - 1];
        // Still running while `e` starts, but ending before it: a partial overlap.
        if (top.endUs > e.startUs) break;
        stack.pop();
      }
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top === null || encloses(top, e)) {
        track = t;
        if (top !== null && t === 0) {
          e.parent = top;
          top.children.push(e);
        }
        stack.push(e);
        break;
      }
    }
    if (track === -1) {
      open.push([e]);
      track = open.length - 1;
    }
    e.thread = track;
    e.isAsync = track > 0;
  }
  return open.length;
}
