import { it } from 'vitest';
import * as dl from '../index';
const cases: [string, () => unknown][] = [
  ['AdaptiveAvgPool1d(-1)', () => new dl.nn.AdaptiveAvgPool1d(-1).forward(dl.ones([1, 2, 4]))],
  ['AdaptiveAvgPool1d(a)', () => new dl.nn.AdaptiveAvgPool1d('a' as any).forward(dl.ones([1, 2, 4]))],
  ['AdaptiveAvgPool2d(2.5)', () => new dl.nn.AdaptiveAvgPool2d(2.5).forward(dl.ones([1, 2, 4, 4]))],
  ['maxPool2d k=a', () => dl.maxPool2d(dl.ones([1, 1, 4, 4]), 'a' as any)],
  ['LeakyReLU(0.2)', () => new dl.nn.LeakyReLU(0.2 as any)],
  ['int add big', () => dl.tensor([1], { dtype: 'int32' }).add(2 ** 40)],
  ['int tensor NaN', () => dl.tensor([NaN], { dtype: 'int64' })],
  ['sort(x,0)', () => dl.sort(dl.ones([2]), 0 as any)],
  ['leakyRelu(x,0.2)', () => dl.leakyRelu(dl.ones([2]), 0.2 as any)],
  ['index(abc)', () => dl.ones([2]).index('abc' as any)],
  ['sum dtype float64', () => dl.ones([2]).sum({ dtype: 'float64' as any })],
  ['softmax dtype float64', () => dl.softmax(dl.ones([2]), 0, { dtype: 'float64' as any })],
  ['zeros(3, float64)', () => dl.zeros(3, { dtype: 'double' as any })],
  ['arange float64', () => dl.arange(3, { dtype: 'float64' as any })],
  ['tensor [1,"a"]', () => dl.tensor([1, 'a'] as any)],
  ['tensor [1,[2]]', () => dl.tensor([1, [2]] as any)],
  ['tensor({})', () => dl.tensor({} as any)],
  ['tensor(null)', () => dl.tensor(null as any)],
  ['full int big', () => dl.full([2], 2 ** 33, { dtype: 'int64' })],
  ['arange int big', () => dl.arange(2 ** 31 - 1, 2 ** 31 + 1, { dtype: 'int64' })],
  ['t.add([1,2])', () => dl.ones([2]).add([1, 2] as any)],
  ['dtype=5', () => dl.tensor([1], { dtype: 5 as any })],
];
it('scratch', () => {
  for (const [n, f] of cases) {
    try { const r = f(); console.log(n, '=> OK', String(r)); } catch (e) { console.log(n, '=>', (e as Error).constructor.name, (e as Error).message); }
  }
});
