// Unit tests only: pure logic, no crx plugin, no browser.
import { defineConfig } from 'vitest/config';
import { dataAlias } from './scripts/data.ts';

export default defineConfig({
  resolve: { alias: dataAlias() },
  // A generous timeout: nothing here asserts on time, and a busy 2-core machine can be slow.
  test: { include: ['test/unit/**/*.test.ts'], environment: 'happy-dom', testTimeout: 30_000 },
});
