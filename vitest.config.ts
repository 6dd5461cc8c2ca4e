// Unit tests only: pure logic, no crx plugin, no browser.
import { defineConfig } from 'vitest/config';
import { dataAlias } from './scripts/data.ts';

export default defineConfig({
  resolve: { alias: dataAlias() },
  test: { include: ['test/unit/**/*.test.ts'], environment: 'happy-dom' },
});
