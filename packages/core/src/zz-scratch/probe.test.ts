import { it } from 'vitest';
import * as dl from '../index';
const skip = new Set(['ready','setBackend','getBackend','tick','scope','keep','noGrad','enableGrad','setGradEnabled','isGradEnabled','manualSeed','seed','initialSeed','memoryStats','setMemoryOptions','collect','grad','runOp','kernelOp','setOpRecorder','availableBackends','assertBackendReady','promoteTypes','isFloatingPoint','gradcheck','makeValue','setDataLoaderRecorder','getWorkerInfo','defaultConvert','serialize','defaultCollate','tensor','slice','deserialize','inferenceMode']);
it('probe functions', () => {
  const bad: string[] = [];
  for (const [name, f] of Object.entries(dl)) {
    if (typeof f !== 'function' || /^[A-Z]/.test(name) || skip.has(name)) continue;
    for (const arg of ['abc', [1, 2], null, undefined] as unknown[]) {
      try { const r = (f as any)(arg, dl.ones([2])); if (r instanceof Promise) { r.catch(() => {}); continue; } bad.push(`${name}(${JSON.stringify(arg)}) -> no error: ${String(r).slice(0, 40)}`); }
      catch (e) { if (!(e instanceof dl.ArgumentTypeError)) bad.push(`${name}(${JSON.stringify(arg)}) -> ${(e as Error).constructor.name}: ${(e as Error).message.slice(0, 100)}`); }
    }
  }
  console.log(bad.join('\n'));
});
