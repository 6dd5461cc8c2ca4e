// Shared set-up for the e2e files: a fixture server, Chromium with the built extension, and ways to
// read what the extension shows (badge, notice, popup) the way a person would see it.
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { launch } from '../../scripts/lib/browser.mjs';

export interface Env {
  browser: Browser;
  extensionId: string;
  worker: () => Promise<WebWorker>;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  /** URL of a checkout fixture page on 127.0.0.1. */
  checkout(name: string): string;
}

/** Starts server and browser for this test file; closes them after. */
export function useEnv(opts: { lang?: string } = {}): Env {
  const env = {} as Env;
  let close = async () => {};
  beforeAll(async () => {
    env.server = await startFixtureServer();
    const b = await launch({ hostRules: env.server.hostRules, lang: opts.lang });
    Object.assign(env, { browser: b.browser, extensionId: b.extensionId, worker: b.worker });
    env.checkout = (name) => `${env.server.originA}/checkout/${name}.html`;
    close = b.close;
  });
  afterAll(async () => { await close(); await env.server?.close(); });
  return env;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs in the extension's service worker. */
export async function inWorker<T>(env: Env, fn: () => Promise<T> | T): Promise<T> {
  // Right after start-up the worker's context can still be settling: ask again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      return (await (await env.worker()).evaluate(fn)) as T;
    } catch (err) {
      if (attempt >= 10 || !/chrome is not defined|Execution context was destroyed|Target closed/.test(String(err))) throw err;
      await sleep(200);
    }
  }
}

/** The toolbar badge of the active tab. */
export async function badgeText(env: Env, page: Page): Promise<string> {
  await page.bringToFront();
  return inWorker(env, async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  });
}

export async function setStored(env: Env, items: Record<string, unknown>): Promise<void> {
  await inWorker(env, new Function(`return chrome.storage.local.set(${JSON.stringify(items)})`) as () => Promise<void>);
}

export async function clearStored(env: Env): Promise<void> {
  await inWorker(env, () => chrome.storage.local.clear());
}

/**
 * The notice lives in a closed shadow root, out of reach of page scripts (and of Puppeteer's
 * selectors). DevTools sees closed roots: find the notice's elements through the DOM domain.
 */
export async function noticeElements(page: Page, selector: string): Promise<{ text: string; click: () => Promise<void> }[]> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; nodeId: number; backendNodeId: number; children?: N[]; shadowRoots?: N[] };
    const find = (n: N): N | undefined => n.nodeName === 'UNBIND-NOTICE' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
    const host = find(root as N);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return [];
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { object } = await cdp.send('DOM.resolveNode', { nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function() { return this.textContent; }', returnByValue: true });
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
      const [x1, y1, , , x3, y3] = model.content;
      out.push({ text: String(result.value ?? ''), click: () => page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2) });
    }
    return out;
  } finally {
    // Keep the session: the click closures use page.mouse, not the session.
  }
}

/** Opens the real action popup for the active tab and returns its page. */
export async function openPopup(env: Env, page: Page): Promise<Page> {
  await page.bringToFront();
  await inWorker(env, () => chrome.action.openPopup());
  const target = await env.browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${env.extensionId}/src/popup/`));
  const popup = (await target.asPage())!;
  await popup.waitForSelector('main');
  return popup;
}
