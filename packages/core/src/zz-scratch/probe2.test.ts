import { it } from 'vitest';
import * as dl from '../index';
it('probe methods', () => {
  const bad: string[] = [];
  const names = new Set<string>();
  let p: any = dl.Tensor.prototype;
  for (const n of Object.getOwnPropertyNames(p)) names.add(n);
  for (const name of [...names].sort()) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (!d || typeof d.value !== 'function') continue;
    for (const arg of ['abc', [1, 2]] as unknown[]) {
      const t = dl.ones([2, 2]);
      try { const r = (t as any)[name](arg); if (r instanceof Promise) { r.catch(() => {}); continue; } bad.push(`${name}(${JSON.stringify(arg)}) -> no error: ${String(r).replace(/\s+/g,' ').slice(0, 50)}`); }
      catch (e) { if (!(e instanceof dl.ArgumentTypeError)) bad.push(`${name}(${JSON.stringify(arg)}) -> ${(e as Error).constructor.name}: ${(e as Error).message.slice(0, 110)}`); }
    }
  }
  console.log(bad.join('\n'));
});
