// The ESM build's entry: the whole API, with the default backend ready when the import resolves.
import { ready } from './backend/backend';

export * from './index';

await ready();
