// E2E: the built extension in real Chromium against the fixture server, one browser per file. Three files
// at a time: a guide's journey mostly waits (on pages, on the popup; measured: about 40% of one core per
// file), so three browsers share two cores well. Generous timeouts: nothing here asserts on time, and a busy machine is slow.
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
