// Looking through the browsing history: which pages put a place on the list, and what is kept of them.
import { describe, expect, it } from 'vitest';
import { isCheckoutPath, readCheckoutPaths } from '../../src/card-hunt/checkout-paths';
import { type Found, matchHistory, matchPage, placeForSite, withFound, withoutHistory } from '../../src/card-hunt/history';
import shipped from '../../src/data/checkout-paths.json';
import { ENTRIES, entry, GUIDE } from '../support/directory';

const { patterns, problems } = readCheckoutPaths(shipped);
const K = { entries: ENTRIES, guides: [GUIDE], checkout: patterns };
const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 20);

describe('the generic checkout and order paths (src/data/checkout-paths.json)', () => {
  it('validate, and each pattern matches its examples', () => {
    expect(problems).toEqual([]);
    for (const p of shipped.paths) for (const ex of p.examples) expect(new RegExp(p.pattern).test(ex), `${p.pattern} on ${ex}`).toBe(true);
  });

  it('match none of the paths listed as never', () => {
    for (const path of shipped.never) expect(isCheckoutPath(patterns, path), path).toBe(false);
  });

  it('are read in lower case', () => {
    expect(isCheckoutPath(patterns, '/CheckOut/')).toBe(true);
    expect(isCheckoutPath(patterns, '/Orders/AB-1234')).toBe(true);
  });

  it('a damaged file gives no patterns and says what is wrong', () => {
    expect(readCheckoutPaths({ paths: [] }).problems[0]).toMatch(/checkout-paths\.json: .*paths/);
    const bad = readCheckoutPaths({ paths: [{ pattern: '/(checkout', shows: 'a checkout', examples: ['/checkout'] }], never: [] });
    expect(bad.patterns).toEqual([]);
    expect(bad.problems[0]).toMatch(/not a regular expression/);
  });
});

describe('placeForSite', () => {
  it('a directory entry by host, a guide (under the entry that names it), or the site itself', () => {
    expect(placeForSite('bigshop.example.de', ENTRIES, [GUIDE])).toBe('dir:bigshop');
    expect(placeForSite('smile.bigshop.example', ENTRIES, [GUIDE])).toBe('dir:bigshop');
    expect(placeForSite('wallet.example', ENTRIES, [GUIDE])).toBe('dir:walletshop');
    const naming = [...ENTRIES, entry('wshop', ['Walletshop'], ['walletshop.example'], { guide: 'walletshop' })];
    expect(placeForSite('wallet.example', naming, [GUIDE])).toBe('dir:wshop');
    expect(placeForSite('notbigshop.example', ENTRIES, [GUIDE])).toBe('site:notbigshop.example');
  });
});

describe('matchPage', () => {
  const page = (url: string, at = T) => matchPage({ url, lastVisitTime: at }, K);

  it("a directory entry's paid path makes it 'paid', on any of its hosts", () => {
    expect(page('https://www.bigshop.example/buy/thankyou/handlers/display.html?id=1')).toEqual({
      place: 'dir:bigshop',
      kind: 'paid',
      site: 'bigshop.example',
      at: T,
    });
    expect(page('https://bigshop.example.de/your-orders/details?orderID=9')?.kind).toBe('paid');
  });

  it("a generic checkout or order page makes a place 'checkout', in or out of the directory", () => {
    expect(page('http://127.0.0.1:8777/checkout/save-lang-en.html')).toEqual({
      place: 'site:127.0.0.1',
      kind: 'checkout',
      site: '127.0.0.1',
      at: T,
    });
    expect(page('https://www.shop.example/account/orders/A-1234')?.place).toBe('site:shop.example');
    expect(page('https://nopaths.example/thank-you')).toMatchObject({ place: 'dir:nopaths', kind: 'checkout' });
    expect(page('https://www.wallet.example/checkout')?.place).toBe('dir:walletshop');
  });

  it('other pages, other schemes, bad addresses and undated visits show nothing', () => {
    expect(page('https://www.bigshop.example/')).toBeNull();
    expect(page('https://www.bigshop.example/search?q=/buy/thankyou')).toBeNull(); // the query is not the path
    expect(page('https://blog.example/2026/thank-you-notes')).toBeNull();
    expect(page('chrome-extension://abc/checkout/')).toBeNull();
    expect(page('file:///home/me/checkout/')).toBeNull();
    expect(page('not a url')).toBeNull();
    expect(matchPage({ url: 'https://shop.example/checkout' }, K)).toBeNull();
    expect(page('https://shop.example/checkout', 0)).toBeNull();
  });

  it('a paid path that does not compile is left out; the others still count', () => {
    expect(page('https://broken.example/ok/1')?.kind).toBe('paid');
    expect(page('https://broken.example/(unclosed')).toBeNull();
  });

  it('an entry whose paid paths are unknown counts only by the generic paths', () => {
    const k = { ...K, entries: [entry('x', ['X'], ['x.example'], { paidPaths: { unknown: 'no' } })] };
    expect(matchPage({ url: 'https://x.example/receipt/1', lastVisitTime: T }, k)).toBeNull();
    expect(matchPage({ url: 'https://x.example/checkout', lastVisitTime: T }, k)?.kind).toBe('checkout');
  });
});

describe('matchHistory', () => {
  it('one result per place: a paid page over a checkout page, then the latest visit; newest first', () => {
    const found = matchHistory(
      [
        { url: 'https://bigshop.example/checkout', lastVisitTime: T + 5 * DAY },
        { url: 'https://bigshop.example/buy/thankyou', lastVisitTime: T },
        { url: 'https://bigshop.example/buy/thankyou/2', lastVisitTime: T - DAY },
        { url: 'https://shop.example/checkout', lastVisitTime: T - 3 * DAY },
        { url: 'https://shop.example/thankyou', lastVisitTime: T + 2 * DAY },
        { url: 'https://news.example/article', lastVisitTime: T + 9 * DAY },
      ],
      K,
    );
    expect(found).toEqual([
      { place: 'site:shop.example', kind: 'checkout', site: 'shop.example', at: T + 2 * DAY },
      { place: 'dir:bigshop', kind: 'paid', site: 'bigshop.example', at: T },
    ]);
  });

  it('keeps at most 500 places, the most recent', () => {
    const pages = Array.from({ length: 520 }, (_, i) => ({ url: `https://s${i}.example/checkout`, lastVisitTime: T + i }));
    const found = matchHistory(pages, K);
    expect(found).toHaveLength(500);
    expect(found[0]!.place).toBe('site:s519.example');
    expect(found.some((f) => f.place === 'site:s0.example')).toBe(false);
  });
});

describe('what is kept', () => {
  const f = (place: string, kind: Found['kind'], at: number): Found => ({ place: place as Found['place'], kind, site: place.slice(5), at });

  it('a newer or stronger history fact replaces an older or weaker one; other facts stay', () => {
    const places = {
      'dir:bigshop': { history: { kind: 'paid' as const, site: 'bigshop.example', at: T }, removedAt: T + DAY },
      'site:a.example': { history: { kind: 'checkout' as const, site: 'a.example', at: T } },
      'site:b.example': { addedAt: T },
    };
    const next = withFound(places, [
      f('dir:bigshop', 'checkout', T + 9 * DAY),
      f('site:a.example', 'paid', T - DAY),
      f('site:b.example', 'checkout', T),
      f('site:c.example', 'checkout', T),
    ]);
    expect(next['dir:bigshop']).toEqual(places['dir:bigshop']);
    expect(next['site:a.example']!.history).toMatchObject({ kind: 'paid', at: T - DAY });
    expect(next['site:b.example']).toEqual({ addedAt: T, history: { kind: 'checkout', site: 'b.example', at: T } });
    expect(next['site:c.example']).toEqual({ history: { kind: 'checkout', site: 'c.example', at: T } });
    expect(places['site:b.example']).toEqual({ addedAt: T }); // not changed in place
  });

  it('forgetting the history drops its facts, and the places nothing else put there', () => {
    expect(
      withoutHistory({
        'site:a.example': { history: { kind: 'checkout', site: 'a.example', at: T } },
        'site:b.example': { history: { kind: 'checkout', site: 'b.example', at: T }, addedAt: T },
      }),
    ).toEqual({ 'site:b.example': { addedAt: T } });
  });

  it('what is kept of a found place is its kind, its site and a date: no address, no path', () => {
    const [found] = matchHistory([{ url: 'https://user:pw@www.bigshop.example/buy/thankyou?order=123#x', lastVisitTime: T }], K);
    const kept = JSON.stringify(withFound({}, [found!]));
    expect(kept).toBe(`{"dir:bigshop":{"history":{"kind":"paid","site":"bigshop.example","at":${T}}}}`);
  });
});
