// The Amazon guide on amazon.es, read from the twin's pages as the guide's content script reads them
// (src/guide/page.ts in a DOM): the twin shows there the Spanish labels Amazon's own Spanish help quotes
// (Mi cuenta, Mis pagos, Editar, Eliminar de la cartera, Confirmar eliminación), and no English one, so
// each step below is found only through the guide's Spanish texts. happy-dom lays nothing out, so every
// element is given a size here: what is seen is then judged only by the page's own hidden, display and
// opacity rules, which is what lets the pointer's choice (src/guide/page.ts `locate`) be read here too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import amazonRaw from '../../src/data/guides/amazon.json';
import { readPage } from '../../src/guide/engine';
import { locate, pageProbe } from '../../src/guide/page';
import { Guide } from '../../src/guide/schema';
import { type SiteClient, type SitePage, useSites } from '../support/site-client.ts';

const ES = 'https://www.amazon.es';
const USER = 'shopper@example.com';
const amazon = Guide.parse(amazonRaw);
const ENGLISH = ['Your Payments', 'Your Account', 'Confirm remove', 'Remove from wallet', '>Edit<'];

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

/** Puts a twin page into this test's document, at its own address, as a browser tab would show it. */
function show(p: SitePage) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(p.url);
  document.documentElement.innerHTML = p.body.replace(/^[\s\S]*?<html[^>]*>|<\/html>[\s\S]*$/g, '');
  return readPage(amazon, pageProbe());
}

async function signedIn() {
  await b.json(`${ES}/__test/seed?user=${USER}&cards=2`);
  await b.go(`${ES}/cpe/yourpayments/wallet`);
  await b.go(`${ES}/ap/signin`, { email: USER });
  await b.go(`${ES}/ap/signin`, { email: USER, password: 'fixture-pass-1' });
}

describe('the Amazon guide on amazon.es (Spanish labels)', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 100, 20));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the twin shows the Spanish labels there and none of the English ones the guide knows', async () => {
    await signedIn();
    for (const url of [`${ES}/gp/css/homepage.html`, `${ES}/cpe/yourpayments/wallet?instrumentId=c1&edit=1`]) {
      const p = await b.go(url);
      for (const en of ENGLISH) expect(p.body, `${url} shows ${en}`).not.toContain(en);
    }
  });

  it('Mi cuenta is the payments step, and the pointer rings Mis pagos', async () => {
    await signedIn();
    const page = await b.go(`${ES}/gp/css/homepage.html`);
    expect(page.body).toContain('Mis pagos');
    expect(show(page).step).toBe('payments');
    const place = amazon.steps.find((s) => s.id === 'payments')!.places[0]!;
    const ringed = locate(place.point!)?.el;
    expect(ringed?.querySelector('h2')?.textContent).toBe('Mis pagos');
    expect(ringed?.getAttribute('href')).toMatch(/^\/cpe\/yourpayments\/wallet/);
  });

  it('the Edit window is the remove step and the pointer rings Eliminar de la cartera, then Confirmar eliminación', async () => {
    await signedIn();
    const wallet = await b.go(`${ES}/cpe/yourpayments/wallet`);
    const id = /instrumentId=([^"&]+)" class="apx-wallet/.exec(wallet.body)![1]!;
    expect(show(wallet).cards).toBe(2);
    const remove = amazon.steps.find((s) => s.id === 'remove')!.places[0]!;

    const ringed = () => (locate(remove.point!)?.el as HTMLInputElement | undefined)?.value;
    expect(show(await b.go(`${ES}/cpe/yourpayments/wallet?instrumentId=${id}&edit=1`)).step).toBe('remove');
    expect(ringed()).toBe('Eliminar de la cartera');

    const confirm = await b.go(`${ES}/cpe/yourpayments/wallet`, {
      instrumentId: id,
      'ppw-widgetEvent:ShowDeleteInstrumentEvent': 'Eliminar de la cartera',
    });
    expect(show(confirm).step).toBe('remove');
    expect(ringed()).toBe('Confirmar eliminación');
  });
});
