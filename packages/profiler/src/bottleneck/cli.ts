#!/usr/bin/env node
// dl-bottleneck: @dl's torch.utils.bottleneck. Errors of its own are one line, never a stack dump.
import { main } from './run';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dl-bottleneck: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
