// E2E: the built extension in real Chromium against the fixture server, one browser per file. Two files
// at a time: a guide's journey mostly waits (on pages, on the popup), so two browsers share two cores
// well. Generous timeouts: nothing here asserts on time, and a busy machine is slow.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    maxConcurrency: 3,
    reporters: ['default'],
  },
});
