// E2E: the built extension in real Chromium against the fixture server. One browser per file, files in
// sequence: two cores are not enough for parallel browsers to stay stable.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxConcurrency: 3,
    reporters: ['default'],
  },
});
