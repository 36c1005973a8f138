// Runs the benchmarks named on the command line (all when none): `npm run bench -- core-overhead`.
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = wanted.length ? wanted : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no benchmark '${name}' (have: ${all.join(', ')})`);
    process.exit(2);
  }
}
/** A line of the closing table: a bench's `main()` may return these (issue 11's goals). */
interface SummaryRow {
  workload: string;
  dl: string;
  pytorch: string;
  ratio: string;
  goal: string;
}
const summary: SummaryRow[] = [];
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const mod = await import(pathToFileURL(join(here, `${name}.bench.ts`)).href);
  if (typeof mod.main === 'function') {
    const rows = await mod.main();
    if (Array.isArray(rows)) summary.push(...(rows as SummaryRow[]));
  }
}
if (summary.length > 0) {
  console.log(`\n=== summary (PyTorch measured in this run unless marked recorded; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}) ===`);
  console.log('| workload | @dl | PyTorch | ratio | goal |');
  console.log('|---|---|---|---|---|');
  for (const r of summary) console.log(`| ${r.workload} | ${r.dl} | ${r.pytorch} | ${r.ratio} | ${r.goal} |`);
}
