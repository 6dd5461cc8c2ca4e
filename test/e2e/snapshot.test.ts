// "Unbind got this page wrong", end to end: the real popup snapshots fixture pages (plain, open and
// closed shadow roots, a cross-site frame, a srcdoc card frame, card fields filled with a test number)
// and saves the file through its own download; each snapshot is then served and loaded with Unbind,
// and must replay the same controls with the same labels and the marks chosen, hold no value and no
// card-like text, and end as its marks say (what the fixture walk checks for `npm run fixture:add`).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutcomes, visit } from '../support/outcomes.mjs';
import { sleep } from '../support/sleep.mjs';
import { controlsOf } from '../../src/snapshot/assemble';
import { CAPTURE_SCRIPT } from '../../src/snapshot/capture-file';
import { FrameCapture } from '../../src/snapshot/capture-types';
import { inWorker, openPopup, useEnv } from '../support/env';

const TEST_CARD = '4111 1111 1111 1111';

interface Listed {
  id: string;
  did: string;
  label: string;
}

const env = useEnv();
let downloads = '';
/** Serves the saved snapshots, as a tester's own file would be opened: from another origin. */
let server: http.Server;
let serverOrigin = '';
const served = new Map<string, string>();

beforeAll(async () => {
  downloads = mkdtempSync(path.join(os.tmpdir(), 'unbind-snapshots-'));
  const cdp = await env.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  server = http.createServer((req, res) => {
    const html = served.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverOrigin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(downloads, { recursive: true, force: true });
});

/** Fills the test card number into every card-number field, in every frame (as autofill does: the
 *  value, then input and change events). */
async function fillCards(page: Page): Promise<number> {
  let filled = 0;
  for (const frame of page.frames()) {
    filled += await frame.$$eval(
      'input[autocomplete=cc-number]',
      (fields, card) => {
        for (const f of fields as HTMLInputElement[]) {
          f.value = card;
          f.dispatchEvent(new Event('input', { bubbles: true }));
          f.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return fields.length;
      },
      TEST_CARD,
    );
  }
  return filled;
}

/** The popup's list for the page, then the file it saves with the list's own choices. */
async function snapshot(page: Page): Promise<{ listed: Listed[]; html: string; file: string; ms: number; captureMs: number }> {
  const popup = await openPopup(env, page);
  try {
    const started = Date.now();
    await popup.click('[data-testid=snap-start]');
    await popup.waitForSelector('[data-testid=snap-controls], [data-testid=snap-none], [data-testid=snap-error]');
    const listed = await popup.$$eval('[data-testid=snap-controls] li', (lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-control') ?? '',
        did: li.getAttribute('data-did') ?? '',
        label: li.querySelector('.label')?.textContent?.replace(/^“|”$/g, '') ?? '',
      })),
    );
    for (const f of readdirSync(downloads)) rmSync(path.join(downloads, f)); // one file per snapshot, same name
    await popup.click('[data-testid=snap-save]');
    const saved = await popup.waitForSelector('[data-testid=snap-saved], [data-testid=snap-error]');
    expect(await saved!.evaluate((e) => `${e.getAttribute('data-testid')}: ${e.textContent}`)).toMatch(/^snap-saved: Saved /);
    const ms = Date.now() - started;
    const file = (await saved!.evaluate((e) => e.getAttribute('data-file'))) ?? '';
    const captureMs = Number(await saved!.evaluate((e) => e.getAttribute('data-capture-ms')));
    for (let i = 0; !existsSync(path.join(downloads, file)); i++) {
      if (i > 100) throw new Error(`the download ${file} never arrived`);
      await sleep(100);
    }
    await sleep(100); // written in full
    return { listed, html: readFileSync(path.join(downloads, file), 'utf8'), file, ms, captureMs };
  } finally {
    await popup.close();
  }
}

/** What a replay shows, read in every frame with the extension's own eyes (closed roots included): the
 *  same capture script the popup injects, run from the background on the served snapshot's tab. */
async function replayMarks(page: Page): Promise<{ label: string; expect: string | null }[]> {
  const url = page.url();
  const frames = await inWorker(
    env,
    async (u: string, file: string) => {
      const [tab] = await chrome.tabs.query({ url: u });
      const target = { tabId: tab!.id!, allFrames: true };
      await chrome.scripting.executeScript({ target, files: [file] });
      const results = await chrome.scripting.executeScript({
        target,
        func: () => (globalThis as { unbindSnapshot?: () => unknown }).unbindSnapshot?.() ?? null,
      });
      return results.map((r) => r.result);
    },
    url,
    CAPTURE_SCRIPT.js,
  );
  return controlsOf(frames.map((f) => FrameCapture.parse(f))).map((c) => ({ label: c.label, expect: c.pageExpect }));
}

/** Every field value in every frame of the page (what a person typed, or the page set). */
const valuesIn = async (page: Page) =>
  (
    await Promise.all(
      page
        .frames()
        .map((f) =>
          f
            .evaluate(() =>
              [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]),textarea')]
                .map((e) => (e as HTMLInputElement).value)
                .filter(Boolean),
            )
            .catch(() => []),
        ),
    )
  ).flat();

const PAGES = [
  { name: 'save-two-boxes', why: 'plain page, two card forms filled with a test number', cards: 2 },
  { name: 'save-shadow-open', why: 'open shadow roots', cards: 0 },
  { name: 'save-shadow-closed', why: 'a closed shadow root', cards: 0 },
  { name: 'save-iframe-cross-site', why: 'a cross-site frame, its card field filled', cards: 1 },
  { name: 'save-woocommerce-stripe', why: 'the largest fixture page: a srcdoc card frame filled with a test number', cards: 1 },
];

describe('a snapshot replays the page it was taken from', () => {
  it.each(PAGES)('$name ($why)', async ({ name, cards }) => {
    const page = await env.browser.newPage();
    try {
      await visit(page, env.checkout(name), { settleMs: 500 });
      expect(await fillCards(page)).toBe(cards);
      const original = await readOutcomes(page);
      const snap = await snapshot(page);
      console.info(
        `snapshot of ${name}: ${(snap.html.length / 1024).toFixed(1)} KB, ${snap.captureMs} ms writing in the frames, ${snap.ms} ms wall from the click to the saved file (two clicks), ${snap.listed.length} controls`,
      );

      // The file: named from host and date, no value, no card-like text, nothing that runs or fetches.
      expect(snap.file).toMatch(/^unbind-snapshot-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.html$/);
      expect(snap.html).not.toMatch(/4111|<script|\son\w+=|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
      expect(snap.html).toMatch(/<meta name="unbind-snapshot-host" content="127\.0\.0\.1">/);
      // Every control the fixture declares is listed, and the list's first choices (from what Unbind
      // did) are the fixture's own expectations.
      expect(snap.listed.length).toBeGreaterThanOrEqual(original.length);

      served.set(`/${name}.html`, snap.html);
      await page.goto(`${serverOrigin}/${name}.html`, { waitUntil: 'load' });
      await sleep(500);
      const replayed = await replayMarks(page);
      expect(replayed.map((c) => c.label)).toEqual(snap.listed.map((c) => c.label));
      const marks = replayed.map((c) => c.expect);
      expect(marks.every((m) => m === 'on' || m === 'off')).toBe(true);
      expect(marks.filter((m) => m === 'on').length).toBe(original.filter((o) => o.expect === 'on').length);
      expect(await valuesIn(page)).toEqual([]);
      // And Unbind ends each control as marked, in every frame (the fixture walk's check).
      const outcomes = await readOutcomes(page);
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
