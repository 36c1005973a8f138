// Child process for save-load.test.ts: saves large checkpoints to argv[2] in a loop until killed.
import { ready } from '../../src/backend/backend';
import { tensor } from '../../src/ops/creation/tensor';
import { save } from '../../src/serialization/save';

const target = process.argv[2];
const format = (process.argv[3] ?? 'safetensors') as 'safetensors' | 'torch';
await ready();
const n = 4_000_000;
const a = tensor(new Float32Array(n).fill(1));
const b = tensor(new Float32Array(n).fill(2));
for (let epoch = 0; ; epoch++) {
  await save({ epoch, a, b }, target, { format });
}
