// Runs the benchmarks named on the command line (all when none): `npm run bench -- core-overhead`.
import { readdirSync } from 'node:fs';
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
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const mod = await import(pathToFileURL(join(here, `${name}.bench.ts`)).href);
  if (typeof mod.main === 'function') await mod.main();
}
