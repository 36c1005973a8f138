// '@dl/core' as the Node ESM build presents it, from the sources: the whole API, with the default
// backend ready when the import resolves. Tests that run user-style programs import this.
import { ready } from '../../src/backend/backend';

export * from '../../src/index';

await ready();
