// The main job: build Unbind, start the fixture sites, and show the extension at work.
// With a display: opens Chromium with Unbind loaded on the AliExpress-like shop (and the checkout
// fixtures in a second tab) and waits.
// Without one (or with --headless):
//   1. visits every checkout fixture, prints what Unbind unticked and what it left alone;
//   2. walks the AliExpress / Alipay journey: a purchase with the box unticked by Unbind (no card
//      bound), two purchases with the box ticked again on purpose (two cards bound), then the removal
//      guide followed only by what Unbind's popup and pointer say, to the empty card list;
//   3. walks the removal guides of the sites in GUIDES (eBay, Walmart, PayPal) the same way, each from
//      signed out with two saved cards to "no card left": the same persons (test/support/people/) and
//      the same guide follower (test/support/guide-journey.mjs) as the e2e specs; one ✓/✗ line each,
//      with the steps met;
//   4. looks through the browsing history those walks left (plus a few more visits: an Airbnb trip, a
//      checkout on another shop, a mailbox) the way a person does: "Look through my history" in the
//      popup. The profile says the person allowed `history` once before (grantedBefore), so Chromium
//      grants it without its prompt, which headless Chromium cannot answer; it is given back after;
// saving a screenshot of every page and step, popup and pointer included, to out/screenshots/
// (checkout/, journey/, guides/<id>/), and exits non-zero if anything differs from what it expects.
// With --firefox: the same in Firefox ESR (dist-firefox/, test/support/firefox.mjs), but step 4: Firefox
// asks for `history` in a prompt headless Firefox cannot answer, and has no way to say it was granted before.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listCheckoutPages, startFixtureServer } from '../fixtures/server.mjs';
import { grantedBefore, ROOT } from '../test/support/browser.mjs';
import { createJourney, freshPage } from '../test/support/journey.mjs';
import { launchBrowser } from '../test/support/launch.mjs';
import { readOutcomes, visit } from '../test/support/outcomes.mjs';
import { openPopup } from '../test/support/popup.mjs';
import * as aliexpress from '../test/support/people/aliexpress.mjs';
import * as ebay from '../test/support/people/ebay.mjs';
import * as paypal from '../test/support/people/paypal.mjs';
import * as walmart from '../test/support/people/walmart.mjs';
import { buildExtension } from './lib/build.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;
const firefox = process.argv.includes('--firefox');
const OUT = path.join(ROOT, 'out/screenshots');
const SHOTS = path.join(OUT, 'checkout');
/** The removal guides walked after AliExpress's: each site's person, and the seed that leaves them signed
 *  out with two saved cards. */
const GUIDES = [
  { name: 'eBay', site: ebay, seed: 'cards=2&signedIn=0' },
  { name: 'Walmart', site: walmart, seed: 'cards=2&signedIn=0' },
  { name: 'PayPal', site: paypal, seed: 'cards=2&twoStep=1' },
];

buildExtension();
const server = await startFixtureServer({ port: Number(process.env.PORT ?? 0) });
const pages = (await listCheckoutPages()).filter((p) => !p.endsWith('-frame') && !p.startsWith('e2e-'));

if (!headless) {
  const { browser } = await launchBrowser({ headless: false, hostRules: server.hostRules }, firefox ? 'firefox' : 'chromium');
  const [tab] = await browser.pages();
  await tab.goto(`${server.originA}/`);
  await (await browser.newPage()).goto(`${aliexpress.SHOP}/`);
  console.log(`Unbind is loaded. The shop: ${aliexpress.SHOP}/ (served locally); checkout fixtures: ${server.originA}/`);
  console.log('Close the browser or press Ctrl+C to stop.');
  browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
} else {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(SHOTS, { recursive: true });
  const b = await launchBrowser({ hostRules: server.hostRules, preferences: grantedBefore(['history']) }, firefox ? 'firefox' : 'chromium');
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
    console.log(
      `${bad.length ? '✗' : '✓'} ${name.padEnd(34)} unticked ${off.length}, left alone ${outcomes.length - off.length}` +
        (off.length ? `  ← ${off.map((o) => `“${o.name.slice(0, 50)}”`).join(', ')}` : ''),
    );
    for (const o of bad) console.log(`    expected ${o.expect} but is ${o.on ? 'on' : 'off'}: ${o.kind} “${o.name}” (${o.frame})`);
  }
  console.log(
    `\n${pages.length} checkout pages: ${pages.length - failed} as expected, ${failed} not. ` +
      `${unticked} save-card boxes unticked, ${leftAlone} other controls left as they were.\n`,
  );

  const journeyOk = await walkJourney(b, page).catch((err) => {
    console.log(`✗ journey: ${err.message}`);
    return false;
  });
  console.log('\nRemoval guides, each from signed out with two saved cards (fixture twins under the real host names):');
  let guidesFailed = 0;
  for (const guide of GUIDES) guidesFailed += (await walkGuide(b, guide)) ? 0 : 1;
  if (firefox) console.log('\n(history not looked through in Firefox: its permission prompt cannot be answered headless)');
  const huntOk =
    firefox ||
    (await lookThroughHistory(b).catch((err) => {
      console.log(`✗ history: ${err.message}`);
      return false;
    }));
  await b.close();
  await server.close();
  console.log(`\nScreenshots: ${path.relative(process.cwd(), OUT) || OUT}/ (checkout/, journey/, guides/<id>/, cards-hunt/)`);
  console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
  process.exit(failed || !journeyOk || guidesFailed || !huntOk ? 1 : 0);
}

/** The AliExpress / Alipay journey, step by step, each checked. */
async function walkJourney(ext, page) {
  const check = (ok, what) => {
    console.log(`${ok ? '✓' : '✗'} ${what}`);
    if (!ok) throw new Error(what);
  };
  const journey = createJourney({ ext, page, site: aliexpress, port: server.port, shots: path.join(OUT, 'journey') });
  const { CARDS, purchase } = aliexpress;
  console.log('AliExpress / Alipay journey (fixture sites under their real host names):');
  await aliexpress.signInToShop(journey);
  const first = await purchase(journey, { card: CARDS[0], tickAgain: false, label: 'purchase-1' });
  check(
    first.untickedByUnbind && (await journey.state()).cards.length === 0,
    'purchase 1: Unbind unticked "Save card details and bind this card to Alipay"; no card bound',
  );
  for (const n of [2, 3]) {
    const p = await purchase(journey, { card: CARDS[n - 1], tickAgain: true, label: `purchase-${n}` });
    check(p.untickedByUnbind && p.saveTicked, `purchase ${n}: Unbind unticked the box, the shopper ticked it again on purpose`);
  }
  check((await journey.state()).cards.length === 2, 'two cards are now bound to the Alipay wallet');
  const met = await journey.follow();
  console.log(`  guide steps met: ${met.join(' → ')}`);
  const end = await journey.state();
  check(end.registered === true, 'the wallet was registered by following the guide');
  check(
    met.at(-1) === 'finished' && end.cards.length === 0,
    'both cards removed; the list says "Oops, You Have no Card in Alipay" and the popup says so',
  );
  return true;
}

/**
 * One site's removal guide, followed by its person from signed out with two saved cards: true when the
 * popup says it is finished and the site keeps no card.
 * @param {Awaited<ReturnType<typeof launchBrowser>>} ext
 * @param {typeof GUIDES[number]} guide
 */
async function walkGuide(ext, { name, site, seed }) {
  const started = Date.now();
  const page = await freshPage(ext);
  const journey = createJourney({ ext, page, site, port: server.port, shots: path.join(OUT, 'guides', site.ID) });
  try {
    await journey.seed(seed);
    const before = (await journey.state()).cards.length;
    if (before !== 2) throw new Error(`the seed saved ${before} cards, not 2`);
    const met = await journey.follow();
    const left = (await journey.state()).cards.length;
    const ok = met.at(-1) === 'finished' && left === 0;
    const end = left === 0 ? 'no card left' : `${left} card${left === 1 ? '' : 's'} left`;
    const time = Math.round((Date.now() - started) / 1000);
    console.log(`${ok ? '✓' : '✗'} ${name}: signed out with 2 cards → ${end} in ${met.length - 1} steps (${time} s): ${met.join(' → ')}`);
    return ok;
  } catch (err) {
    console.log(`✗ ${name}: ${err instanceof Error ? err.message : err}`);
    return false;
  } finally {
    await page.close();
  }
}

/**
 * "Where your cards are" from the browsing history: a few more visits, then the popup's "Look through my
 * history" pressed as a person does; prints the places found and checks the ones these visits must give.
 * @param {Awaited<ReturnType<typeof launchBrowser>>} ext
 */
async function lookThroughHistory(ext) {
  console.log('\nWhere your cards are, from the browsing history (asked for in the popup, read on this machine):');
  const page = await freshPage(ext);
  for (const url of [
    'https://www.airbnb.com/trips/v1/5550123', // a trip: Airbnb's paid path in the directory
    `${server.originB}/checkout/save-lang-en.html`, // a checkout on a shop the directory does not know
    'http://mail.fixture.test/', // shows nothing
  ])
    await page.goto(url, { waitUntil: 'load' });
  const popup = await openPopup(ext, page);
  await popup.click('[data-testid=history-look]'); // a user gesture: chrome.permissions.request
  await popup.waitForSelector('[data-testid=history-looked]', { timeout: 20_000 });
  const found = await popup.$$eval('[data-testid=places] > li', (lis) =>
    lis.map((li) => ({
      name: li.querySelector('strong')?.textContent ?? li.getAttribute('data-place'),
      why: [...li.querySelectorAll('[data-reason]')].map((r) => r.textContent).join('; '),
    })),
  );
  for (const f of found) console.log(`  ${f.name}: ${f.why}`);
  console.log(`  ${await popup.$eval('[data-testid=history-looked]', (e) => e.textContent)}`);
  const dir = path.join(OUT, 'cards-hunt');
  mkdirSync(dir, { recursive: true });
  await popup.screenshot({ path: path.join(dir, 'history-found.png') });
  await popup.click('[data-testid=history-give-back]');
  await popup.waitForSelector('[data-testid=history][data-access=no]');
  await popup.close();
  await page.close();
  const has = (name, reason) => found.some((f) => f.name === name && f.why.includes(reason));
  const ok = has('AliExpress', 'you paid here') && has('Airbnb', 'you paid here') && has('localhost', 'may keep your card');
  console.log(`${ok ? '✓' : '✗'} history: AliExpress and Airbnb (paid there), localhost (a checkout): found; access given back`);
  return ok;
}
