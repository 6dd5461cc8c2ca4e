// E2E: the built extension in real browsers against the fixture server, one browser per file. Three files
// at a time. Measured on 2 cores: the suite keeps both cores busy (vmstat: 0% idle, a third of it in the
// kernel), so four files at a time was slower than three, and two left waits unfilled. Generous
// timeouts: nothing here asserts on time, and a busy machine is slow.
// One project per browser (BROWSER tells test/support which to launch): every spec in Chromium (dist/),
// and in Firefox (dist-firefox/) the checkout fixtures, the guard's cases with the popup, and the
// AliExpress / Alipay journey. `--project chromium` or `--project firefox` runs one of them.
import { defineConfig } from 'vitest/config';

const FIREFOX_SPECS = ['test/e2e/fixtures.test.ts', 'test/e2e/guard.test.ts', 'test/e2e/guide-aliexpress.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    maxConcurrency: 4,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'chromium', include: ['test/e2e/**/*.test.ts'], env: { BROWSER: 'chromium' } } },
      // Firefox takes longer to start than Chromium (about 10 s of CPU: over a minute on a busy machine).
      { extends: true, test: { name: 'firefox', include: FIREFOX_SPECS, env: { BROWSER: 'firefox' }, hookTimeout: 180_000 } },
    ],
  },
});
