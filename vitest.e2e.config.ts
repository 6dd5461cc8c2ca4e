// E2E: the built extension in real Chromium against the fixture server, one browser per file. Three files
// at a time. Measured on 2 cores: the suite keeps both cores busy (vmstat: 0% idle, a third of it in the
// kernel), so four files at a time was slower than three, and two left waits unfilled. Generous
// timeouts: nothing here asserts on time, and a busy machine is slow.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    maxConcurrency: 4,
    reporters: ['default'],
  },
});
