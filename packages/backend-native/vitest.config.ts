import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

// One project: every test needs the addon, loads its own tfjs (the package's devDependencies)
// and compares the native kernels with the cpu backend's. Without a built addon the kernel
// tests skip, saying why. A fresh process per file: the tests switch backends and thread counts.
export default mergeConfig(sharedVitestConfig, defineConfig({ test: { pool: 'forks', isolate: true } }));
