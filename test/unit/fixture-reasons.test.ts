// The fixture pages' own word on why (data-reason), checked without a browser: every page that needs
// no frame and no shadow root is parsed from its markup (its scripts do not run), each [data-expect]
// control gets its facts from the real factsOf, with the payment context found as the guard finds it,
// and classify() must say what the page says: the same reason, and "save" exactly for the save boxes.
// The e2e walk (test/e2e/fixtures.test.ts) checks the outcome in Chromium; this checks the reason, fast.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import data from 'virtual:unbind-data';
import { describe, expect, it } from 'vitest';
import { classify, type Reason } from '../../src/detect/classify';
import { factsOf, inCardForm } from '../../src/detect/facts';
import { outerLabelOf } from '../../src/content/guard/composite';
import { buildLexicon } from '../../src/detect/lexicon';
import { LOOK_ALIKES, type LookAlike } from '../../src/detect/patterns';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/checkout');
/** The fixture server's host for checkout pages (a frame page may be served on localhost: the same
 *  for the lexicon, neither is a payment provider's host nor has a site rule). */
const HOST = '127.0.0.1';
/** So the test cannot pass by checking nothing: today 58 pages and 254 controls are checked. */
const MIN_PAGES = 50;
const MIN_CONTROLS = 200;

const OTHER_REASONS = {
  label: true,
  'nearby-text': true,
  'label+card-fields': true,
  'nearby-text+card-fields': true,
  'attribute+card-fields': true,
  'attribute+card-words': true,
  'label+card-form': true,
  'nearby-text+card-form': true,
  negated: true,
  required: true,
  'no-signal': true,
} satisfies Record<Exclude<Reason, `look-alike:${LookAlike}`>, true>;
/** Every reason a page may give: the classifier's, and `site-rule` for a box a site's own rule unticks. */
const REASONS = new Set([...Object.keys(OTHER_REASONS), ...LOOK_ALIKES.map((k) => `look-alike:${k}`), 'site-rule']);

const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({ name: file.slice(0, -5), html: readFileSync(path.join(DIR, file), 'utf8') }));

/** A page saved with "Unbind got this page wrong": the tester says what each control should end as
 *  (data-expect, data-kind), not why; the e2e walk checks the outcome. */
const isSnapshot = (html: string) => /<meta name="unbind-snapshot"/.test(html);

/** Why a page cannot be checked from its markup alone, judged by the markup; null if it can. */
function whySkipped(html: string): string | null {
  if (isSnapshot(html)) return "a tester's snapshot (npm run fixture:add): it states outcomes, not reasons";
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('\n');
  if (/<iframe\b/i.test(html)) return 'has frames';
  if (/shadowrootmode/i.test(html)) return 'has declarative shadow roots';
  if (/attachShadow/.test(scripts)) return 'its scripts make shadow roots';
  if (/data-expect|dataset\.expect/.test(scripts)) return 'its scripts make controls after load';
  if (/\.disabled = /.test(scripts)) return 'its scripts enable controls after load';
  if (!/data-expect/.test(html)) return 'no [data-expect] control';
  return null;
}

const lx = buildLexicon(data, HOST);

/** What the guard decides for a control: a site's own rule first, else the classifier, with the
 *  payment context it uses (card fields or a payment frame in the control's form or document). */
function judge(el: Element): { save: boolean; reason: string } {
  if (lx.siteSaveBoxes && el.matches(lx.siteSaveBoxes)) return { save: true, reason: 'site-rule' };
  const hasCardFields = (scope: ParentNode) => scope.querySelector(lx.cardFieldSelector) !== null;
  const paymentContext = () =>
    !!lx.cardFieldSelector &&
    (lx.paymentFrameHosts.test(HOST) ||
      (() => {
        const form = el.closest('form');
        return (!!form && hasCardFields(form)) || hasCardFields(el.ownerDocument);
      })());
  const cardForm = () => inCardForm(el, lx.cardFieldSelector, lx.paymentFrameHosts.test(HOST));
  // The guard's own reading: a control the usual sources leave unnamed is named from outside
  // (a <label for> pointing at a button, a component's host), see src/content/guard/decide.ts.
  const facts = factsOf(el, paymentContext, cardForm);
  return classify(facts.label ? facts : { ...facts, label: outerLabelOf(el) }, lx);
}

/** A control, named well enough to find it in the page. */
const nameOf = (el: Element) => el.id || el.getAttribute('name') || el.getAttribute('aria-label') || el.outerHTML.slice(0, 80);

const checked = pages.filter((p) => whySkipped(p.html) === null);
const skipped = pages.map((p) => ({ ...p, why: whySkipped(p.html) })).filter((p) => p.why !== null);
const controlsOf = (html: string) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('[data-expect]')];

describe('fixture controls: the classifier gives the reason the page states', () => {
  for (const { name, html } of checked) {
    it(name, () => {
      const found = controlsOf(html);
      expect(found.length, 'no [data-expect] control parsed').toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const el of found) {
        const want = { save: el.getAttribute('data-kind') === 'save', reason: el.getAttribute('data-reason') };
        const got = judge(el);
        if (got.save !== want.save || got.reason !== want.reason) {
          wrong.push(`${nameOf(el)}: classifier says ${got.reason} (save ${got.save}), page says ${want.reason} (save ${want.save})`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  for (const { name, why } of skipped) it.skip(`${name}: skipped, ${why}`, () => {});

  it(`checks at least ${MIN_PAGES} pages and ${MIN_CONTROLS} controls, and says which pages it skipped`, () => {
    const controls = checked.reduce((n, p) => n + controlsOf(p.html).length, 0);
    console.info(
      `fixture reasons: ${checked.length} pages checked (${controls} controls); ${skipped.length} skipped:\n` +
        skipped.map((p) => `  ${p.name}: ${p.why}`).join('\n'),
    );
    expect(checked.length).toBeGreaterThanOrEqual(MIN_PAGES);
    expect(controls).toBeGreaterThanOrEqual(MIN_CONTROLS);
  });
});

describe('every fixture control states a known reason', () => {
  // Also on the pages skipped above, whose reasons only a browser can check: one per data-expect.
  it.each(pages.filter((p) => !isSnapshot(p.html)).map((p) => [p.name, p.html] as const))('%s', (_name, html) => {
    const tags = [...html.matchAll(/<[a-z][^<>]*?\bdata-expect=[^<>]*>/gi)].map((m) => m[0]);
    for (const tag of tags) {
      const reason = /\bdata-reason=(?:"|'|&quot;)([^"'&]*)/.exec(tag)?.[1];
      expect(reason && REASONS.has(reason), `${tag}: data-reason missing or unknown`).toBe(true);
    }
    if (/\bdataset\.expect\b/.test(html)) expect(html, 'sets dataset.expect without dataset.reason').toMatch(/\bdataset\.reason\b/);
  });
});
