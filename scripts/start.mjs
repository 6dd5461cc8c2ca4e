// The main job: build Unbind, start the fixture sites, and show the extension at work.
// With a display: opens Chromium with Unbind loaded on the fixture checkouts and waits.
// Without one (or with --headless): visits every checkout fixture, prints what Unbind unticked and what
// it left alone, saves a screenshot of each page, and exits non-zero if any page differs from what it
// expects.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { listCheckoutPages, startFixtureServer } from '../fixtures/server.mjs';
import { launch, ROOT } from './lib/browser.mjs';
import { buildExtension } from './lib/build.mjs';
import { readOutcomes, visit } from './lib/outcomes.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;
const SHOTS = path.join(ROOT, 'out/screenshots/checkout');

buildExtension();
const server = await startFixtureServer({ port: Number(process.env.PORT ?? 0) });
const pages = (await listCheckoutPages()).filter((p) => !p.endsWith('-frame') && !p.startsWith('e2e-'));

if (!headless) {
  const { browser } = await launch({ headless: false, hostRules: server.hostRules });
  const [tab] = await browser.pages();
  await tab.goto(`${server.originA}/`);
  console.log(`Unbind is loaded. Fixture checkouts: ${server.originA}/  (close the browser or press Ctrl+C to stop)`);
  browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
} else {
  mkdirSync(SHOTS, { recursive: true });
  const b = await launch({ hostRules: server.hostRules });
  const page = await b.browser.newPage();
  let failed = 0;
  let unticked = 0;
  let leftAlone = 0;
  for (const name of pages) {
    await visit(page, `${server.originA}/checkout/${name}.html`, { settleMs: 900 });
    const outcomes = await readOutcomes(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    const bad = outcomes.filter((o) => !o.ok);
    const off = outcomes.filter((o) => o.kind === 'save' && !o.on);
    unticked += off.length;
    leftAlone += outcomes.filter((o) => o.kind !== 'save').length;
    failed += bad.length ? 1 : 0;
    console.log(`${bad.length ? '✗' : '✓'} ${name.padEnd(34)} unticked ${off.length}, left alone ${outcomes.length - off.length}` +
      (off.length ? `  ← ${off.map((o) => `“${o.name.slice(0, 50)}”`).join(', ')}` : ''));
    for (const o of bad) console.log(`    expected ${o.expect} but is ${o.on ? 'on' : 'off'}: ${o.kind} “${o.name}” (${o.frame})`);
  }
  await b.close();
  await server.close();
  console.log(`\n${pages.length} checkout pages: ${pages.length - failed} as expected, ${failed} not. ` +
    `${unticked} save-card boxes unticked, ${leftAlone} other controls left as they were.`);
  console.log(`Screenshots: ${path.relative(process.cwd(), SHOTS) || SHOTS}/`);
  process.exit(failed ? 1 : 0);
}
