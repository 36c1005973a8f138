import { setEngineEventRecorder, type EngineEventRecorder } from '@dl/ignite';

/** @internal One listener of engine events (a time profiler, or the op profiler's trace). */
export type EngineEventListener = EngineEventRecorder;

const listeners: EngineEventListener[] = [];

interface Token {
  subs: EngineEventListener[];
  toks: unknown[];
}

/** One recorder installed in @dl/ignite, handing each call to every listener. */
const dispatcher: EngineEventRecorder = {
  beginEvent(engine, event) {
    const subs = listeners.slice();
    const toks = new Array<unknown>(subs.length);
    for (let i = 0; i < subs.length; i++) toks[i] = subs[i].beginEvent(engine, event);
    return { subs, toks } satisfies Token;
  },
  endEvent(token) {
    const { subs, toks } = token as Token;
    for (let i = subs.length - 1; i >= 0; i--) subs[i].endEvent(toks[i]);
  },
  beginHandler(engine, event, handler, filtered) {
    const subs = listeners.slice();
    const toks = new Array<unknown>(subs.length);
    for (let i = 0; i < subs.length; i++) toks[i] = subs[i].beginHandler(engine, event, handler, filtered);
    return { subs, toks } satisfies Token;
  },
  endHandler(token) {
    const { subs, toks } = token as Token;
    for (let i = subs.length - 1; i >= 0; i--) subs[i].endHandler(toks[i]);
  },
};

/** @internal Starts telling `listener` about every engine's events; ignite is hooked while anyone listens. */
export function addEngineListener(listener: EngineEventListener): void {
  if (listeners.includes(listener)) return;
  listeners.push(listener);
  if (listeners.length === 1) setEngineEventRecorder(dispatcher);
}

/** @internal Stops telling `listener`; with no listener left, ignite runs unhooked. */
export function removeEngineListener(listener: EngineEventListener): void {
  const i = listeners.indexOf(listener);
  if (i === -1) return;
  listeners.splice(i, 1);
  if (listeners.length === 0) setEngineEventRecorder(null);
}
