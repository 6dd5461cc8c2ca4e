// Unit tests only: pure logic, no crx plugin, no browser.
import { defineConfig } from 'vitest/config';
import { dataAlias } from './scripts/data.ts';

export default defineConfig({
  resolve: { alias: dataAlias() },
  // A generous timeout: nothing here asserts on time, and a busy 2-core machine can be slow. Three files
  // at a time: vitest's default on 2 cores is one (measured: 54 s; two at a time 43 s, three 39 s).
  test: { include: ['test/unit/**/*.test.ts'], environment: 'happy-dom', testTimeout: 30_000, maxWorkers: 3 },
});
