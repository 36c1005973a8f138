// @dl/audio: torchaudio for TypeScript. `load`, `save` and `info` at the top as in torchaudio,
// the areas as namespaces (`transforms`, `functional`, `datasets`), and transforms and datasets
// flat too: `import { load, transforms } from '@dl/audio'` or `import { MelSpectrogram, YESNO } from '@dl/audio'`.
export * as transforms from './transforms/index';
export * as functional from './functional/index';
export * as datasets from './datasets/index';
export * from './io/index';
export * from './transforms/index';
export * from './datasets/index';
