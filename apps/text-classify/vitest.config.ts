import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

export default sharedVitestConfig;
