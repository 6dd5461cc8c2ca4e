// The directory of places that keep cards (src/data/sites): every file validates, every fact is sourced
// or says why not, the paths that show a purchase are real regular expressions that match the example
// paths their sources give (and not an ordinary page), a guide named exists, no host is claimed twice.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSites, readSites } from '../../scripts/data.ts';
import { known, type SiteEntry } from '../../src/directory/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { sites, problems } = compileSites(readSites());
const guideIds = readdirSync(path.join(ROOT, 'src/data/guides'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

/** Example paths (as the sources give them) that each entry's paidPaths must cover: every regular
 *  expression must match at least one of its entry's examples. */
const PAID_EXAMPLES: Record<string, string[]> = {
  agoda: ['/account/bookings.html', '/account/booking/1482236907'],
  airbnb: ['/book/stays/12345', '/trips/v1'],
  aliexpress: ['/p/trade/confirm.html', '/p/order/index.html'],
  allegro: ['/moje-allegro/zakupy/kupione', '/moje-allegro/zakupy/kupione/ddb72880'],
  amazon: ['/gp/buy/thankyou/handlers/display.html', '/gp/buy/thankyou', '/gp/your-account/order-details', '/gp/css/order-history'],
  'apple-store': ['/shop/checkout', '/shop/checkout/thankyou'],
  'best-buy': ['/checkout/r/fast-track', '/checkout/r/payment', '/checkout/c/fast-track'],
  bol: ['/nl/rnwy/account/bestellingen/overzicht'],
  booking: ['/confirmation.en-us.html', '/confirmation.html', '/confirmation-en-gb.com', '/mytrips.html'],
  doordash: ['/orders', '/orders/deb50d86-21ac'],
  ebay: ['/rxo', '/mye/myebay/purchase'],
  etsy: ['/your/purchases'],
  expedia: ['/trips', '/trips/7280999576135'],
  flipkart: ['/account/orders', '/account/orders/OD123'],
  jd: ['/center/list.action'],
  lazada: ['/customer/order/index/', '/customer/order/view/'],
  'mercado-libre': ['/my_purchases/list'],
  otto: ['/order/checkout', '/order/checkout/order/confirmation/1bqz64511y'],
  ozon: ['/my/orderlist', '/my/orderdetails/', '/my/order/123ABC'],
  paypal: ['/checkoutnow'],
  shein: ['/user/orders/list'],
  shopee: ['/user/purchase', '/user/purchase/order/123', '/user/purchase/list/'],
  steam: ['/checkout/sendgift/123', '/account/history'],
  taobao: ['/trade/itemlist/list_bought_items.htm'],
  target: ['/co-review', '/co-checkout', '/co-payment'],
  temu: ['/bgt_order_checkout.html'],
  uber: ['/trips', '/trips/09638613-20b3/receipt'],
  walmart: ['/orders', '/orders/200013964770733'],
  wildberries: ['/lk/myorders/delivery'],
  zalando: ['/myaccount/orders', '/myaccount/orders/'],
};

/** Pages nobody needs to pay to see: no paidPaths expression may match one. */
const ORDINARY = ['/', '/index.html', '/search', '/s', '/help', '/login', '/cart', '/signin', '/product/123'];

const FACTS = ['cardPage', 'menuPath', 'setUpFirst', 'blockers', 'paidPaths'] as const satisfies readonly (keyof SiteEntry)[];

describe('the directory', () => {
  it('every file parses, its id is its file name, and no host is claimed twice', () => {
    expect(problems).toEqual([]);
  });

  it('has at least 40 places', () => {
    expect(sites.length).toBeGreaterThanOrEqual(40);
  });

  it('hosts are lower case, and every place but a browser has one', () => {
    for (const s of sites) {
      for (const h of s.hosts) expect(h, s.id).toBe(h.toLowerCase());
      if (s.kind === 'browser') expect(s.hosts, s.id).toEqual([]);
      else expect(s.hosts.length, s.id).toBeGreaterThan(0);
    }
    const all = sites.flatMap((s) => s.hosts);
    expect(all.filter((h, i) => all.indexOf(h) !== i)).toEqual([]);
  });

  it('a guide named exists in src/data/guides', () => {
    for (const s of sites) if (s.guide !== undefined) expect(guideIds, s.id).toContain(s.guide);
  });

  it('every fact is read on a real day, and every source says where it was read', () => {
    for (const s of sites)
      for (const key of FACTS) {
        const f = s[key];
        if (!('value' in f)) continue;
        for (const src of f.sources) {
          expect(Number.isNaN(Date.parse(src.read)), `${s.id}.${key}`).toBe(false);
          if (src.ref.startsWith('https://')) expect(() => new URL(src.ref), `${s.id}.${key}`).not.toThrow();
          if (src.kind === 'official-help' || src.kind === 'third-party')
            expect(src.ref, `${s.id}.${key}: a page is cited by its address`).toMatch(/^https?:\/\//);
          if (src.kind === 'seed') expect(src.ref, `${s.id}.${key}`).toMatch(/^seed:/);
        }
      }
  });

  it('an address that is https:// stays on one of the place’s own hosts', () => {
    for (const s of sites) {
      const page = known(s.cardPage);
      if (!page?.startsWith('https://')) continue;
      const host = new URL(page).hostname;
      expect(
        s.hosts.some((h) => host === h || host.endsWith(`.${h}`)),
        `${s.id}: ${host}`,
      ).toBe(true);
    }
  });

  describe('paidPaths', () => {
    const withPaths = sites.flatMap((s) => {
      const paths = known(s.paidPaths);
      return paths ? [[s.id, paths] as const] : [];
    });

    it('some places have them', () => {
      expect(withPaths.length).toBeGreaterThan(0);
    });

    for (const [id, paths] of withPaths) {
      it(`${id}: each compiles, matches one of its examples and no ordinary page`, () => {
        const examples = PAID_EXAMPLES[id];
        expect(examples, `${id} has no examples in PAID_EXAMPLES`).toBeDefined();
        for (const p of paths) {
          const re = new RegExp(p);
          expect(
            examples!.some((x) => re.test(x)),
            `${id}: ${p} matches none of ${examples!.join(', ')}`,
          ).toBe(true);
          for (const o of ORDINARY) expect(re.test(o), `${id}: ${p} matches the ordinary ${o}`).toBe(false);
        }
      });
    }

    it('no example table is left for a place that is gone or has no paths', () => {
      const ids = new Set(withPaths.map(([id]) => id));
      expect(Object.keys(PAID_EXAMPLES).filter((id) => !ids.has(id))).toEqual([]);
    });
  });
});

describe('compileSites', () => {
  const amazon = sites.find((s) => s.id === 'amazon')!;

  it('names the file of an entry that does not fit, a wrong id and a host claimed twice', () => {
    const { problems } = compileSites([
      { file: 'sites/amazon.json', raw: amazon },
      { file: 'sites/copy.json', raw: { ...amazon, id: 'copy' } },
      { file: 'sites/other.json', raw: { ...amazon, id: 'nope', hosts: [] } },
      { file: 'sites/bad.json', raw: { ...amazon, id: 'bad', hosts: ['Amazon.COM'] } },
      {
        file: 'sites/fake.json',
        raw: { ...amazon, id: 'fake', hosts: ['fake.example'], cardPage: { value: 'javascript:alert(1)', sources: [] } },
      },
    ]);
    expect(problems.some((p) => p.startsWith('sites/copy.json: host amazon.com is also claimed by sites/amazon.json'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sites/other.json: id nope'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sites/bad.json:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sites/fake.json:'))).toBe(true);
  });

  it('takes a fact marked unknown, not one with a value and no source', () => {
    const unknown = compileSites([
      { file: 'sites/x.json', raw: { ...amazon, id: 'x', hosts: ['x.example'], cardPage: { unknown: 'not found' } } },
    ]);
    expect(unknown.problems).toEqual([]);
    const unsourced = compileSites([
      { file: 'sites/x.json', raw: { ...amazon, id: 'x', hosts: ['x.example'], menuPath: { value: ['Wallet'], sources: [] } } },
    ]);
    expect(unsourced.problems).toHaveLength(1);
  });
});
