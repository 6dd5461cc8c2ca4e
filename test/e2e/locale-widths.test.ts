// Does every language's text fit where it is shown? Measured, not counted: one browser, every locale's
// texts in the real popup (each in a frame of one page, the real app and stylesheet answering
// chrome.i18n from that locale) and in the real notice (copies of its real elements in its own shadow
// root, one per locale), then nothing may be wider than its box, stick out, or take a second line in a
// one-line slot (buttons, chips, short labels).
import { describe, expect, it } from 'vitest';
import { inWorker, setStored, useEnv } from '../support/env';
import { fillMessage, missingGlyphs, overflows, overrideSource, readLocales, RTL } from '../support/locales.mjs';
import { visit } from '../support/outcomes.mjs';
import { seededPaypalGuide, seededPlaces, seededTab } from '../support/seeded-places';
import { sleep } from '../support/sleep.mjs';

const locales = readLocales();
const langs = Object.keys(locales);
/** The popup as wide as Chromium lets it grow for it (body max-width in popup.css). */
const POPUP_WIDTH = 380;
/** Slots a second line would break: buttons, chips and short labels. Headings and sentences wrap (a
 *  guide's heading carries the site's name, however long). */
const POPUP_ONE_LINE = 'button, .chip, .add-label, .file-button, .step-title .here';
const NOTICE_ONE_LINE = 'button';

type CdpNode = { nodeName: string; nodeId: number; children?: CdpNode[]; shadowRoots?: CdpNode[] };
const findNode = (n: CdpNode, name: string): CdpNode | undefined =>
  n.nodeName === name ? n : (n.children ?? []).map((c) => findNode(c, name)).find(Boolean);

describe('every language fits its slots', () => {
  const env = useEnv();

  it('in the popup', async () => {
    const page = await env.browser.newPage();
    await page.evaluateOnNewDocument(overrideSource());
    const popupUrl = `chrome-extension://${env.extensionId}/src/popup/index.html`;
    await page.goto(popupUrl, { waitUntil: 'load' });
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
    // The fullest popup: a guide under way with cards left, boxes in every state, allowed sites, and
    // places on the list in every state (PayPal too, from its guide), two counted by the person (the
    // one-line count form).
    const day = Date.UTC(2026, 10, 27);
    const label = 'Save this card securely for faster checkout next time';
    await inWorker(
      env,
      (key, value) => chrome.storage.session.set({ [key]: value }),
      `tab:${tabId}`,
      seededTab('paypal.com', ['unticked', 'reticked', 'person', 'gave-up'], label),
    );
    await setStored(env, {
      settings: { version: 1, guardEnabled: true, allowList: ['shop.example', 'checkout.very-long-shop-name.example'] },
      guides: seededPaypalGuide(2, null),
      ...seededPlaces(day, label),
    });
    // One frame per locale, each the real popup at its real width.
    await page.evaluate(
      (url, all, width) => {
        document.body.replaceChildren(
          ...all.map((l) => {
            const f = document.createElement('iframe');
            Object.assign(f, { src: `${url}#${l}`, title: l });
            f.setAttribute('style', `display:block;border:0;width:${width}px;height:3000px`);
            return f;
          }),
        );
      },
      popupUrl,
      langs,
      POPUP_WIDTH,
    );
    const problems: string[] = [];
    const asked: Record<string, string[]> = {};
    for (const lang of langs) {
      const frame = page.frames().find((f) => f.url() === `${popupUrl}#${lang}`) ?? (await page.waitForFrame(`${popupUrl}#${lang}`));
      await frame.waitForSelector('main[data-ready]');
      // The state seeded above is the one shown (else the check would measure an empty popup).
      const shown = await frame.evaluate(() => ({
        dir: document.documentElement.dir,
        heading: document.getElementById('cards-heading')?.textContent,
        boxes: document.querySelectorAll('[data-testid=boxes] li').length,
        places: document.querySelectorAll('li.place').length,
        count: document.querySelectorAll('form.count').length,
        guide: document.querySelectorAll('[data-testid=guide-current]').length,
        allowed: document.querySelectorAll('[data-testid=allow-list] li').length,
      }));
      expect(shown, lang).toEqual({
        dir: RTL.includes(lang.split('_')[0]!) ? 'rtl' : 'ltr',
        heading: fillMessage(locales[lang], 'cardsHeading'),
        boxes: 4,
        places: 5,
        count: 2,
        guide: 1,
        allowed: 2,
      });
      // Measured in the real letters: a script without a font on this machine draws empty boxes (Debian:
      // fonts-wqy-microhei for Chinese, Japanese and Korean, as .ci/run installs).
      const font = await frame.evaluate(() => getComputedStyle(document.body).font);
      expect(await frame.evaluate(missingGlyphs, fillMessage(locales[lang], 'cardsNone'), font), `${lang}: letters without a font`).toEqual(
        [],
      );
      for (const p of await frame.evaluate(overflows, (await frame.$('body'))!, POPUP_ONE_LINE)) problems.push(`${lang}: ${p}`);
      if (lang === 'en') {
        // The measure itself, on a text that cannot fit: else a broken measure would pass everything.
        await frame.evaluate(() => {
          const probe = document.createElement('button');
          probe.id = 'probe';
          probe.textContent = `${'Look '.repeat(12)}${'W'.repeat(40)}`;
          document.querySelector('.actions')!.append(probe);
        });
        const caught = await frame.evaluate(overflows, (await frame.$('body'))!, POPUP_ONE_LINE);
        await frame.evaluate(() => document.getElementById('probe')!.remove());
        expect(caught.length, 'the measure catches a button 40 Ws wide').toBeGreaterThan(0);
      }
      asked[lang] = await frame.evaluate(() => [...(globalThis as unknown as { unbindAsked: Set<string> }).unbindAsked].sort());
    }
    // Every locale was asked for the same texts (the same slots were measured in each).
    for (const lang of langs) expect(asked[lang], lang).toEqual(asked.en);
    console.log(`popup: ${asked.en!.length} texts measured in ${langs.length} locales (${langs.join(' ')})`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in the notice', async () => {
    const page = await env.browser.newPage();
    await visit(page, env.checkout('e2e-simple'));
    const cdp = await page.createCDPSession();
    // The notice's closed shadow root, reached the way DevTools does (see shadow.mjs).
    let rootId: string | undefined;
    for (let i = 0; i < 50 && !rootId; i++) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const host = findNode(root as CdpNode, 'UNBIND-NOTICE');
      const shadow = host?.shadowRoots?.[0];
      if (shadow?.children?.some((c) => c.nodeName === 'SECTION'))
        rootId = (await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId })).object.objectId;
      else await sleep(100);
    }
    expect(rootId, 'the notice is shown').toBeTruthy();
    // Copies of the notice's own box, one per locale, with every text the notice can show in it: the
    // title (one box, and many), Keep it ticked, the re-ticked and gave-up lines, "and N more", Always
    // allow. The copies share the notice's stylesheet and width; they go when measured.
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: rootId,
      returnByValue: true,
      arguments: [{ value: locales }, { value: RTL }, { value: NOTICE_ONE_LINE }],
      functionDeclaration: `function (tables, rtl, oneLine) {
        const fill = ${fillMessage.toString()};
        const overflows = ${overflows.toString()};
        const box = this.querySelector('section.box');
        const out = [];
        // The measure itself, on a text that cannot fit: else a broken measure would pass everything.
        const probe = box.cloneNode(true);
        probe.querySelector('.retick').textContent = 'Ticked '.repeat(8) + 'W'.repeat(40);
        this.append(probe);
        const caught = overflows(probe, oneLine);
        probe.remove();
        if (caught.length === 0) out.push('the measure missed a button 40 Ws wide');
        for (const [lang, table] of Object.entries(tables)) {
          for (const title of [fill(table, 'noticeOne'), fill(table, 'noticeMany', '12')]) {
            const copy = box.cloneNode(true);
            copy.setAttribute('dir', rtl.includes(lang.split('_')[0]) ? 'rtl' : 'ltr');
            copy.setAttribute('lang', lang.replace('_', '-'));
            copy.querySelector('.title').textContent = title;
            copy.querySelector('.retick').textContent = fill(table, 'noticeRetick');
            copy.querySelector('.allow').textContent = fill(table, 'noticeAllowSite');
            const item = copy.querySelector('li');
            const list = item.parentElement;
            for (const [cls, key] of [['', 'noticeReticked'], ['warn', 'noticeGaveUp']]) {
              const li = item.cloneNode(true);
              const span = document.createElement('span');
              span.className = cls;
              span.textContent = fill(table, key);
              li.querySelector('.retick').replaceWith(span);
              list.append(li);
            }
            const more = document.createElement('li');
            more.className = 'more';
            more.textContent = fill(table, 'noticeMore', '9');
            list.append(more);
            this.append(copy);
            for (const p of overflows(copy, oneLine)) out.push(lang + ': ' + p);
            copy.remove();
          }
        }
        return out;
      }`,
    });
    await cdp.detach();
    console.log(`notice: 7 texts measured in ${langs.length} locales`);
    expect(result.value).toEqual([]);
    await page.close();
  });
});
