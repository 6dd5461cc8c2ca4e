// Shared set-up for the e2e files: a fixture server, Chromium with the built extension, and ways to
// read what the extension shows (badge, notice, popup) the way a person would see it.
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { guardScriptsReady, inWorker as inWorkerAnyType } from './browser.mjs';

import { createJourney, freshPage, type Site } from './journey.mjs';
import { launchBrowser } from './launch.mjs';
import { openPopup as openRealPopup } from './popup.mjs';
import { shadowElements } from './shadow.mjs';

export { grantedBefore } from './browser.mjs';

export interface Env {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker (in Firefox an extension tab, with the same `evaluate`: firefox.mjs). */
  worker: () => Promise<WebWorker>;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  /** URL of a checkout fixture page on 127.0.0.1. */
  checkout(name: string): string;
}

/** Chromium switches for the test browsers only, to spend less of two cores on process churn that no
 *  test looks at. No spare renderer: Chromium starts one ahead of the next navigation, and every popup
 *  opening threw it away for a new one (20 popups: 24 renderer processes with it, 3 without). No
 *  back-forward cache and no new document or browsing instance swapped in for each same-site
 *  navigation: 20 navigations cost a fifth less CPU time (no test goes back in history). */
const TEST_ARGS = ['--disable-features=SpareRendererForSitePerProcess,BackForwardCache,RenderDocument,ProactivelySwapBrowsingInstance'];

interface Started {
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  b: Awaited<ReturnType<typeof launchBrowser>>;
}

async function start(opts: { lang?: string; preferences?: object }): Promise<Started> {
  const server = await startFixtureServer();
  const b = await launchBrowser({ hostRules: server.hostRules, lang: opts.lang, preferences: opts.preferences, args: TEST_ARGS });
  return { server, b };
}

/** This test worker's browser and fixture server with the default options. Files run one after another
 *  in a worker share them (vitest's isolate: false keeps this module between files): a Chromium start
 *  costs about 3.5 s of CPU, Firefox's 8.6 s. Puppeteer stops the browser when the worker exits. */
let shared: Promise<Started> | undefined;

/** What a file finds in a new browser: one blank tab, no cookies, Unbind's storage empty and its
 *  scripts registered for it. A file leaves the shared browser so for the next. */
async function tidy(env: Env): Promise<void> {
  const blank = await freshPage(env); // no cookies, Unbind's storage empty
  // In Firefox an extension tab stands in for the service worker (firefox.mjs): it stays.
  const worker: unknown = await env.worker();
  for (const p of await env.browser.pages()) if (p !== blank && p !== worker) await p.close().catch(() => {});
  await guardScriptsReady(env);
  env.server.reset();
}

/** Server and browser for this test file. With the default options, the worker's shared ones, tidied
 *  before and after; with a language or `preferences` (the new profile's Default/Preferences, written
 *  before the browser starts: see grantedBefore), its own, closed after. */
export function useEnv(opts: { lang?: string; preferences?: object } = {}): Env {
  const env = {} as Env;
  const own = opts.lang !== undefined || opts.preferences !== undefined;
  let started: Started | undefined;
  beforeAll(async () => {
    if (!own && !shared) shared = start({});
    started = own ? await start(opts) : await shared!;
    const { server, b } = started;
    Object.assign(env, { server, browser: b.browser, extensionId: b.extensionId, worker: b.worker });
    env.checkout = (name) => `${server.originA}/checkout/${name}.html`;
    if (!own) await tidy(env);
  });
  afterAll(async () => {
    if (!started) return;
    if (!own) return tidy(env);
    await started.b.close();
    await started.server.close();
  });
  return env;
}

/** Runs in the extension's service worker, with arguments (serialised as JSON). */
export const inWorker = <T, A extends unknown[]>(env: Env, fn: (...args: A) => Promise<T> | T, ...args: A): Promise<T> =>
  inWorkerAnyType(env, fn as (...a: unknown[]) => unknown, ...args) as Promise<T>;

/** The toolbar badge of the active tab. */
export async function badgeText(env: Env, page: Page): Promise<string> {
  await page.bringToFront();
  return inWorker(env, async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  });
}

/** Stores items, then waits until the guard's scripts are registered for the stored allow list. */
export async function setStored(env: Env, items: Record<string, unknown>): Promise<void> {
  await inWorker(env, (i) => chrome.storage.local.set(i), items);
  await guardScriptsReady(env);
}

export async function clearStored(env: Env): Promise<void> {
  await inWorker(env, () => chrome.storage.local.clear());
  await guardScriptsReady(env);
}

export { guardScriptsReady };

/** Elements of the notice (in a closed shadow root: reached through DevTools, see shadow.mjs). */
export const noticeElements = (page: Page, selector: string) => shadowElements(page, 'unbind-notice', selector);

/** Opens the real action popup for the active tab and returns its page. */
export const openPopup = (env: Env, page: Page): Promise<Page> => openRealPopup(env, page);

export type Journey = ReturnType<typeof createJourney>;

/**
 * For a guide spec: the server and browser for the file (useEnv), and before each test a new person on
 * `site` (test/support/people/<id>.mjs): the twins reset, a new tab with no cookies and Unbind's storage
 * empty; the tab closes after the test. The object returned is the same for every test, its contents the
 * current test's (journey.mjs's createJourney).
 */
export function useJourney(site: Site, opts: { lang?: string } = {}): Journey {
  const env = useEnv(opts);
  const journey = {} as Journey;
  beforeEach(async () => {
    env.server.reset();
    const page = await freshPage(env);
    Object.assign(journey, createJourney({ ext: env, page, site, port: env.server.port }));
    return async () => {
      await page.close();
    };
  });
  return journey;
}
