// @dl/text: torchtext's classic API for TypeScript. The areas as namespaces, as torchtext's
// modules (`data`: Field, Example, Dataset, TabularDataset, iterators, tokenizers; `vocab`: Vocab
// and pretrained vectors; `datasets`), and every export flat too:
// `import { data, datasets } from '@dl/text'` or `import { Field, BucketIterator } from '@dl/text'`.
export * as data from './data/index';
export * as vocab from './vocab/index';
export * as datasets from './datasets/index';
export * from './data/index';
export * from './vocab/index';
export * from './datasets/index';
