// E2E: the built extension in real browsers against the fixture server, three files at a time; the files
// a worker runs one after another share its browser (test/support/env.ts). Measured on 2 cores: the
// suite keeps both cores busy (vmstat: 0% idle, a third of it in the kernel), so four files at a time
// was slower than three, and two left waits unfilled. Generous timeouts: nothing here asserts on time,
// and a busy machine is slow.
// One project per browser (BROWSER tells test/support which to launch): every spec in Chromium (dist/),
// and in Firefox (dist-firefox/) the checkout fixtures, the guard's cases with the popup, and the
// AliExpress / Alipay journey. `--project chromium` or `--project firefox` runs one of them.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Vitest orders projects by name, so the Firefox files (slow to start, and the AliExpress journey among
 *  them) ran last, three long files alone at the end of the run. Firefox first; within each project the
 *  usual order (longest or largest first). */
class FirefoxFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const firefox = (f: TestSpecification) => f.project.name === 'firefox';
    return [...sorted.filter(firefox), ...sorted.filter((f) => !firefox(f))];
  }
}

const FIREFOX_SPECS = ['test/e2e/fixtures.test.ts', 'test/e2e/guard.test.ts', 'test/e2e/guide-aliexpress.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    fileParallelism: true,
    // Files in a worker share its browser (test/support/env.ts): the module that holds it stays loaded.
    isolate: false,
    globalSetup: ['test/support/e2e-setup.mjs'],
    maxWorkers: 3,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    maxConcurrency: 4,
    reporters: ['default'],
    sequence: { sequencer: FirefoxFirst },
    projects: [
      { extends: true, test: { name: 'chromium', include: ['test/e2e/**/*.test.ts'], env: { BROWSER: 'chromium' } } },
      // Firefox takes longer to start than Chromium (about 10 s of CPU: over a minute on a busy machine).
      { extends: true, test: { name: 'firefox', include: FIREFOX_SPECS, env: { BROWSER: 'firefox' }, hookTimeout: 180_000 } },
    ],
  },
});
