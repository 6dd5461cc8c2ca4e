// Russian, the seed's readers' language: the guide, the popup and the notice speak it when the
// browser does (through _locales, like every text of Unbind's).
import { describe, expect, it } from 'vitest';
import { noticeElements, openPopup, useEnv } from '../support/env';
import { WALLET } from '../support/people/aliexpress.mjs';
import { visit } from '../support/outcomes.mjs';
import { shadowElements } from '../support/shadow.mjs';
import { sleep } from '../support/sleep.mjs';

describe('in Russian', () => {
  const env = useEnv({ lang: 'ru' });

  it('the guide and the popup are in Russian', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${WALLET}/`, { waitUntil: 'load' });
    await sleep(300);
    const popup = await openPopup(env, page);
    expect(await popup.$eval('#guide-heading', (h) => h.textContent)).toBe('Удалить сохранённые карты: AliExpress · Alipay');
    expect(await popup.$eval('[data-testid=guide-current] .step-title', (p) => p.textContent)).toContain('Откройте кошелёк Alipay');
    expect(await popup.$eval('[data-testid=guide-point]', (b) => b.textContent)).toBe('Показать на странице');
    expect(await popup.$eval('#cards-heading', (h) => h.textContent)).toBe('Где ваши карты');
    await popup.click('[data-testid=guide-point]');
    await popup.close().catch(() => {});
    const tip = await shadowElements(page, 'unbind-pointer', '.tip span');
    expect(tip[0]?.text).toBe('Откройте кошелёк Alipay');
    await page.close();
  });

  it('the checkout notice is in Russian', async () => {
    const page = await env.browser.newPage();
    await visit(page, env.checkout('e2e-simple'));
    const [keep] = await noticeElements(page, 'button.retick');
    expect(keep?.text).toBe('Оставить флажок');
    await page.close();
  });
});
