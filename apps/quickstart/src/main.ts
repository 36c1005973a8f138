import * as dl from '@dl/core';
import { fitLine } from './fit-line.ts';

console.log(`@dl/core quickstart on the '${dl.getBackend()}' backend`);
const { weight, bias, loss } = await fitLine(200, 0.5, (line) => console.log(line));
console.log(`fitted y = ${weight.toFixed(3)}·x + ${bias.toFixed(3)} (true: 3·x - 1), final MSE ${loss.toFixed(5)}`);
