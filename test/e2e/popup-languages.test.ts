// The shoppers' own languages: the guide, the popup, the notice and the pointer speak the browser's
// language (through _locales, like every text of Unbind's), and mirror for a right-to-left one. Each
// language is its own browser, started in it (--lang). Screenshots: out/screenshots/languages/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.mjs';
import { noticeElements, openPopup, useEnv } from '../support/env';
import { fillMessage, readLocales } from '../support/locales.mjs';
import { WALLET } from '../support/people/aliexpress.mjs';
import { visit } from '../support/outcomes.mjs';
import { shadowElements } from '../support/shadow.mjs';
import { sleep } from '../support/sleep.mjs';

const SHOTS = path.join(ROOT, 'out/screenshots/languages');
const locales = readLocales();

/** The browser's language (--lang) and its _locales folder; `rtl` for a right-to-left one. */
const LANGUAGES = [
  { lang: 'ru', folder: 'ru', rtl: false },
  { lang: 'zh-CN', folder: 'zh_CN', rtl: false },
  { lang: 'ar', folder: 'ar', rtl: true },
] as const;

/** What a page shows (its window), or the part of it `clip` names, saved as
 *  out/screenshots/languages/<name>.png. */
async function shot(page: Page, name: string, clip?: { x: number; y: number; w: number; h: number }): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  // The popup's window, not the whole document: Chromium repeats a popup taller than its window.
  if (!clip) {
    await page.screenshot({ path: file });
    return;
  }
  const m = 8;
  await page.screenshot({
    path: file,
    clip: { x: Math.max(0, clip.x - m), y: Math.max(0, clip.y - m), width: clip.w + 2 * m, height: clip.h + 2 * m },
  });
}

for (const { lang, folder, rtl } of LANGUAGES) {
  const text = (key: string, subs?: string | string[]) => fillMessage(locales[folder], key, subs);

  describe(`in ${lang}`, () => {
    const env = useEnv({ lang });

    it(`the guide, the popup and the pointer are in ${lang}${rtl ? ', right to left' : ''}`, async () => {
      // The texts checked are this language's own, not English left in place.
      expect(text('guideShowMe')).not.toBe(fillMessage(locales.en, 'guideShowMe'));
      const page = await env.browser.newPage();
      await page.goto(`${WALLET}/`, { waitUntil: 'load' });
      await sleep(300);
      const popup = await openPopup(env, page);
      expect(await popup.$eval('#guide-heading', (h) => h.textContent)).toBe(text('guideHeading', 'AliExpress · Alipay'));
      expect(await popup.$eval('[data-testid=guide-current] .step-title', (p) => p.textContent)).toContain(
        text('guide_aliexpress_openwallet_title'),
      );
      expect(await popup.$eval('[data-testid=guide-point]', (b) => b.textContent)).toBe(text('guideShowMe'));
      expect(await popup.$eval('#cards-heading', (h) => h.textContent)).toBe(text('cardsHeading'));
      // Mirrored: the document's direction, and the heading's icon on the reading's start side.
      const layout = await popup.evaluate(() => {
        const icon = document.querySelector('h1 img')!.getBoundingClientRect();
        const { dir, lang } = document.documentElement;
        return { dir, lang, iconOnRight: icon.left > document.body.clientWidth / 2 };
      });
      // Its language too, for a screen reader's voice (the locale folder's tag).
      expect(layout).toEqual({ dir: rtl ? 'rtl' : 'ltr', lang: folder.replace('_', '-'), iconOnRight: rtl });
      await shot(popup, `${folder}-popup`);
      await popup.click('[data-testid=guide-point]');
      await popup.close().catch(() => {});
      const [tip] = await shadowElements(page, 'unbind-pointer', '.tip');
      const [label] = await shadowElements(page, 'unbind-pointer', '.tip span');
      const [close] = await shadowElements(page, 'unbind-pointer', '.tip button');
      expect(label?.text).toBe(text('guide_aliexpress_openwallet_title'));
      // The label's close button sits at its end: on the right, or on the left in Arabic.
      expect(close!.box.x < label!.box.x).toBe(rtl);
      await shot(page, `${folder}-pointer`, tip!.box);
      await page.close();
    });

    it(`the checkout notice is in ${lang}${rtl ? ', right to left' : ''}`, async () => {
      const page = await env.browser.newPage();
      await visit(page, env.checkout('e2e-simple'));
      const [keep] = await noticeElements(page, 'button.retick');
      expect(keep?.text).toBe(text('noticeRetick'));
      const [box] = await noticeElements(page, 'section.box');
      const [title] = await noticeElements(page, '.title');
      const [close] = await noticeElements(page, 'button.close');
      expect(title?.text).toBe(text('noticeOne'));
      // Mirrored: the close button before the title, and the notice in the reading's end corner (top
      // left in Arabic, top right otherwise; this page has no pay button in the way).
      expect(close!.box.x < title!.box.x).toBe(rtl);
      const width = page.viewport()!.width;
      expect(box!.box.x + box!.box.w / 2 < width / 2).toBe(rtl);
      await shot(page, `${folder}-notice`, box!.box);
      await page.close();
    });
  });
}
