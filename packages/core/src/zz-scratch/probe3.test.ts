import { it } from 'vitest';
import * as dl from '../index';
it('probe nn', () => {
  const out: string[] = [];
  const Module = (dl.nn as any).Module;
  for (const [name, C] of Object.entries(dl.nn as Record<string, any>)) {
    if (typeof C !== 'function' || !(C.prototype instanceof Module)) continue;
    for (const args of [[-1], [2.5], ['a'], [-1, 3], [2.5, 3], [3, -1], [3, 2.5], ['a', 3], [3, 'a'], [3, 3, -1], [3, 3, 2.5], [3, 3, 'a']]) {
      try { new C(...args); out.push(`new ${name}(${JSON.stringify(args).slice(1, -1)}) -> no error`); }
      catch (e) { if (!(e instanceof dl.DLError)) out.push(`new ${name}(${JSON.stringify(args).slice(1, -1)}) -> ${(e as Error).constructor.name}: ${(e as Error).message.slice(0, 90)}`); }
    }
    let m: any = null;
    for (const args of [[], [2], [2, 3], [2, 3, 3], [2, 2, 2]]) { try { m = new C(...args); break; } catch { /* next */ } }
    if (!m) { out.push(`${name}: could not construct`); continue; }
    for (const x of ['abc', [1, 2], null]) {
      try { m.forward(x, dl.ones([2])); out.push(`${name}.forward(${JSON.stringify(x)}) -> no error`); }
      catch (e) { if (!(e instanceof dl.ArgumentTypeError)) out.push(`${name}.forward(${JSON.stringify(x)}) -> ${(e as Error).constructor.name}: ${(e as Error).message.slice(0, 90)}`); }
    }
  }
  console.log(out.join('\n'));
});
