// The guide engine (src/guide/engine.ts) on a fake page: a host, a path, and what the page shows (CSS
// selectors that match and texts on it), with how many elements each finds. A small made-up guide pins each rule; the shipped AliExpress guide
// is then read page by page along the journey the e2e test walks in Chromium.
import { describe, expect, it } from 'vitest';
import aliexpressRaw from '../../src/data/guides/aliexpress.json';
import {
  advance,
  combineReadings,
  currentPlace,
  NEW_PROGRESS,
  placeMatches,
  readPage,
  siteUrl,
  statuses,
  type PageProbe,
  type PageReading,
  type Progress,
} from '../../src/guide/engine';
import { Guide, type Marker, type Target } from '../../src/guide/schema';

/** A page: its host, what it shows (CSS selectors that match, and texts as "heading:Text", "control:Text",
 *  "page:Text"; a list: once each; a record: that many times), and its path. */
function probe(host: string, shown: string[] | Record<string, number> = [], path = '/'): PageProbe {
  const counts: Record<string, number> = Array.isArray(shown) ? Object.fromEntries(shown.map((s) => [s, 1])) : shown;
  // A text is keyed by where it is looked for ("control:Remove"), so a heading and a button differ.
  const keys = (m: Marker | Target) => ('css' in m ? [m.css] : m.text.map((t) => `${m.in ?? 'page'}:${t}`));
  return {
    host,
    path,
    shows: (m) => keys(m).some((k) => (counts[k] ?? 0) > 0),
    count: (t) => Math.max(0, ...keys(t).map((k) => counts[k] ?? 0)),
  };
}
const css = (selector: string) => ({ css: selector, source: 'demo' });

const progress = (p: Partial<Progress> = {}): Progress => ({ ...NEW_PROGRESS, reached: [], ...p });
const reading = (r: Partial<PageReading> = {}): PageReading => ({ step: null, registered: null, cards: null, bound: false, ...r });

// A shop and a wallet; joining the wallet is the branch for people who have none.
const demo = Guide.parse({
  id: 'demo',
  name: 'Demo',
  hosts: ['shop.test', 'wallet.test'],
  fixture: 'demo',
  manage: '//wallet.test/cards',
  sources: { demo: { ref: 'https://help.wallet.test/cards', kind: 'official-help', read: '2026-11-27' } },
  registered: [{ host: 'test', markers: [css('#member-menu')] }],
  unregistered: [{ host: 'test', markers: [css('#join-form')] }],
  steps: [
    {
      id: 'start',
      open: '//wallet.test/',
      places: [
        { host: 'shop.test', markers: [css('#home'), css('#account')] },
        { host: 'wallet.test', markers: [css('#landing')], point: [css('#go')] },
      ],
    },
    { id: 'join', branch: 'unregistered', places: [{ host: 'wallet.test', markers: [css('#join-form')] }] },
    { id: 'cards', places: [{ host: 'wallet.test', markers: [css('#cards')] }] },
    { id: 'done', places: [{ host: 'wallet.test', markers: [css('#cards'), css('#empty')] }] },
  ],
  cardList: { place: { host: 'wallet.test', markers: [css('#cards')] }, card: css('.card'), empty: css('#empty') },
  bound: [{ host: 'shop.test', markers: [css('#bound')] }],
});
const [start, join, cards, done] = demo.steps as [
  Guide['steps'][number],
  Guide['steps'][number],
  Guide['steps'][number],
  Guide['steps'][number],
];

describe('placeMatches', () => {
  const place = start.places[0]!; // shop.test, #home and #account

  it('needs the host (or a subdomain of it) and every marker', () => {
    expect(placeMatches(place, probe('shop.test', ['#home', '#account']))).toBe(true);
    expect(placeMatches(place, probe('www.shop.test', ['#home', '#account']))).toBe(true);
    expect(placeMatches(place, probe('shop.test', ['#home']))).toBe(false);
    expect(placeMatches(place, probe('shop.test', ['#account']))).toBe(false);
  });

  it('a list of hosts: any of them (a shop on several country domains)', () => {
    const countries = { host: ['shop.test', 'shop.example'], markers: [css('#home')] };
    expect(placeMatches(countries, probe('www.shop.example', ['#home']))).toBe(true);
    expect(placeMatches(countries, probe('shop.test', ['#home']))).toBe(true);
    expect(placeMatches(countries, probe('shop.other', ['#home']))).toBe(false);
  });

  it('refuses other hosts, look-alike suffixes included', () => {
    expect(placeMatches(place, probe('wallet.test', ['#home', '#account']))).toBe(false);
    expect(placeMatches(place, probe('notshop.test', ['#home', '#account']))).toBe(false);
    expect(placeMatches(place, probe('shop.test.evil', ['#home', '#account']))).toBe(false);
  });
});

describe('currentPlace', () => {
  it("finds the step and the very place that matched (any of a step's places)", () => {
    const onShop = currentPlace(demo, probe('www.shop.test', ['#home', '#account']));
    expect(onShop?.step.id).toBe('start');
    expect(onShop?.place).toBe(start.places[0]);
    const onWallet = currentPlace(demo, probe('wallet.test', ['#landing']));
    expect(onWallet?.step.id).toBe('start');
    expect(onWallet?.place).toBe(start.places[1]);
  });

  it("the last step in the guide's order wins when several match", () => {
    // #cards alone is the "cards" step; #cards with #empty is both "cards" and "done": "done" wins.
    expect(currentPlace(demo, probe('wallet.test', ['#cards']))?.step.id).toBe('cards');
    const both = currentPlace(demo, probe('wallet.test', ['#cards', '#empty']));
    expect(both?.step).toBe(done);
    expect(both?.place).toBe(done.places[0]);
    // A page with the markers of "start" and "cards" is "cards".
    expect(currentPlace(demo, probe('wallet.test', ['#landing', '#cards']))?.step).toBe(cards);
  });

  it('is null on a page of no step, or on the right markers under the wrong host', () => {
    expect(currentPlace(demo, probe('shop.test', ['#home']))).toBeNull();
    expect(currentPlace(demo, probe('shop.test', ['#cards', '#empty', '#landing']))).toBeNull();
    expect(currentPlace(demo, probe('elsewhere.test', ['#home', '#account']))).toBeNull();
  });
});

describe('readPage', () => {
  it('names the step, or null', () => {
    expect(readPage(demo, probe('wallet.test', ['#join-form'])).step).toBe('join');
    expect(readPage(demo, probe('shop.test', ['#home'])).step).toBeNull();
  });

  it('registered: true on a registered marker, false on an unregistered one, null when the page does not say', () => {
    expect(readPage(demo, probe('wallet.test', ['#member-menu'])).registered).toBe(true);
    expect(readPage(demo, probe('wallet.test', ['#join-form'])).registered).toBe(false);
    expect(readPage(demo, probe('wallet.test', ['#landing'])).registered).toBeNull();
    // Both shown: the registered marker speaks first.
    expect(readPage(demo, probe('wallet.test', ['#member-menu', '#join-form'])).registered).toBe(true);
    // Registered places may span hosts (here every host under "test").
    expect(readPage(demo, probe('shop.test', ['#member-menu'])).registered).toBe(true);
    expect(readPage(demo, probe('shop.example', ['#member-menu'])).registered).toBeNull();
  });

  it('cards: the count of card rows on the card list, 0 when the empty marker shows, null elsewhere', () => {
    expect(readPage(demo, probe('wallet.test', { '#cards': 1, '.card': 3 })).cards).toBe(3);
    expect(readPage(demo, probe('wallet.test', { '#cards': 1, '#empty': 1 })).cards).toBe(0);
    // The empty marker settles it even if card-like rows are on the page too.
    expect(readPage(demo, probe('wallet.test', { '#cards': 1, '#empty': 1, '.card': 2 })).cards).toBe(0);
    // The list with no rows and no empty marker yet: 0 rows counted.
    expect(readPage(demo, probe('wallet.test', { '#cards': 1 })).cards).toBe(0);
    // Card rows off the card list do not count.
    expect(readPage(demo, probe('wallet.test', { '.card': 3 })).cards).toBeNull();
    // A guide whose sources show no "no card" text: the list with no card row on it is empty.
    const noEmpty = Guide.parse({ ...demo, cardList: { place: demo.cardList.place, card: demo.cardList.card } });
    expect(readPage(noEmpty, probe('wallet.test', { '#cards': 1, '.card': 2 })).cards).toBe(2);
    expect(readPage(noEmpty, probe('wallet.test', { '#cards': 1, '#empty': 1 })).cards).toBe(0);
    expect(readPage(demo, probe('shop.test', { '#cards': 1, '.card': 3 })).cards).toBeNull();
  });

  it('cards without an empty marker (no source gives the words): the rows counted, 0 when none is left', () => {
    const { empty: _, ...list } = demo.cardList;
    const noWords = { ...demo, cardList: list };
    expect(readPage(noWords, probe('wallet.test', { '#cards': 1, '.card': 2 })).cards).toBe(2);
    expect(readPage(noWords, probe('wallet.test', { '#cards': 1, '#empty': 1 })).cards).toBe(0);
  });

  it('bound: only where a bound place matches (its host and markers)', () => {
    expect(readPage(demo, probe('www.shop.test', ['#bound'])).bound).toBe(true);
    expect(readPage(demo, probe('wallet.test', ['#bound'])).bound).toBe(false);
    expect(readPage(demo, probe('shop.test', ['#home'])).bound).toBe(false);
  });

  it('reads a whole page at once', () => {
    expect(readPage(demo, probe('wallet.test', { '#cards': 1, '.card': 2, '#member-menu': 1 }))).toEqual({
      step: 'cards',
      registered: true,
      cards: 2,
      bound: false,
    });
  });
});

describe('combineReadings (a tab: the top frame and its iframes, each read in its own document)', () => {
  // The wallet's list page draws its list in a frame from another origin, as Google Pay does: the top
  // page is only the way in ("start"), the frame is the list.
  const top = readPage(demo, probe('wallet.test', ['#landing']));
  const list = (shown: Record<string, number>) => readPage(demo, probe('wallet.test', shown));

  it('the step is the furthest any frame is, whichever frame is first', () => {
    const frame = list({ '#cards': 1, '.card': 2 });
    expect(top.step).toBe('start');
    expect(combineReadings(demo, [top, frame]).step).toBe('cards');
    expect(combineReadings(demo, [frame, top]).step).toBe('cards');
    expect(combineReadings(demo, [top, list({ '#cards': 1, '#empty': 1 })]).step).toBe('done');
  });

  it('the card count comes from the frame that shows the list; the top saying nothing of cards keeps it', () => {
    expect(combineReadings(demo, [top, list({ '#cards': 1, '.card': 2 })]).cards).toBe(2);
    expect(combineReadings(demo, [top, list({ '#cards': 1, '#empty': 1 })]).cards).toBe(0);
    expect(combineReadings(demo, [top]).cards).toBeNull();
    // Two lists in one tab: a card seen in either is a card left, never "no card".
    expect(combineReadings(demo, [list({ '#cards': 1, '#empty': 1 }), list({ '#cards': 1, '.card': 1 })]).cards).toBe(1);
  });

  it('frames of no step (an advert, a sign-in widget elsewhere) change nothing', () => {
    const nothing = readPage(demo, probe('ads.example', ['#banner']));
    expect(combineReadings(demo, [top, nothing])).toEqual(top);
    expect(combineReadings(demo, [nothing, nothing])).toEqual(reading());
    expect(combineReadings(demo, [])).toEqual(reading());
  });

  it('registered: any frame that says so; bound: any frame that says so', () => {
    const member = readPage(demo, probe('wallet.test', ['#member-menu']));
    const joining = readPage(demo, probe('wallet.test', ['#join-form']));
    expect(combineReadings(demo, [joining, member]).registered).toBe(true);
    expect(combineReadings(demo, [top, joining]).registered).toBe(false);
    expect(combineReadings(demo, [top, readPage(demo, probe('shop.test', ['#bound']))]).bound).toBe(true);
  });

  it("advanced with the combined reading, the progress ends on the frame's empty list and stays ended when the top reads again", () => {
    let p = advance(progress(), combineReadings(demo, [top]), 'https:', 1);
    expect(p.step).toBe('start');
    p = advance(p, combineReadings(demo, [top, list({ '#cards': 1, '.card': 1 })]), 'https:', 2);
    expect(p).toMatchObject({ step: 'cards', cards: 1, finishedAt: null });
    p = advance(p, combineReadings(demo, [top, list({ '#cards': 1, '#empty': 1 })]), 'https:', 3);
    // The top frame reads its page again (a mutation) while the frame still shows the empty list.
    p = advance(p, combineReadings(demo, [list({ '#cards': 1, '#empty': 1 }), top]), 'https:', 4);
    expect(p).toMatchObject({ step: 'done', cards: 0, finishedAt: 3 });
    expect(statuses(demo, p).at(-1)).toBe('done');
  });
});

describe('advance', () => {
  it('adds each step to reached once, in the order met, and takes the scheme given', () => {
    let p = advance(progress(), reading({ step: 'start' }), 'http:', 1);
    p = advance(p, reading({ step: 'cards' }), 'http:', 2);
    p = advance(p, reading({ step: 'start' }), 'https:', 3);
    p = advance(p, reading({ step: 'cards' }), 'https:', 4);
    expect(p.reached).toEqual(['start', 'cards']);
    expect(p.step).toBe('cards');
    expect(p.scheme).toBe('https:');
  });

  it('a page of no step sets the step to null and keeps what was reached', () => {
    const p = advance(progress({ step: 'cards', reached: ['start', 'cards'] }), reading({ step: null }), 'https:', 1);
    expect(p.step).toBeNull();
    expect(p.reached).toEqual(['start', 'cards']);
  });

  it('registered is overwritten only when the page says', () => {
    expect(advance(progress({ registered: true }), reading(), 'https:', 1).registered).toBe(true);
    expect(advance(progress({ registered: false }), reading(), 'https:', 1).registered).toBe(false);
    expect(advance(progress({ registered: true }), reading({ registered: false }), 'https:', 1).registered).toBe(false);
    expect(advance(progress({ registered: null }), reading({ registered: true }), 'https:', 1).registered).toBe(true);
  });

  it('cards listed means the wallet is registered; an empty list does not say so', () => {
    const listed = advance(progress(), reading({ cards: 2 }), 'https:', 1);
    expect(listed.cards).toBe(2);
    expect(listed.registered).toBe(true);
    expect(advance(progress({ registered: false }), reading({ cards: 1, registered: false }), 'https:', 1).registered).toBe(true);
    expect(advance(progress(), reading({ cards: 0 }), 'https:', 1).registered).toBeNull();
  });

  it('finishedAt: set on the first empty list, kept on later empty ones, cleared when cards reappear', () => {
    const first = advance(progress({ cards: 1 }), reading({ cards: 0 }), 'https:', 100);
    expect(first.finishedAt).toBe(100);
    expect(first.cards).toBe(0);
    const again = advance(first, reading({ cards: 0 }), 'https:', 200);
    expect(again.finishedAt).toBe(100);
    // Pages off the card list leave it alone.
    const elsewhere = advance(again, reading({ step: 'start' }), 'https:', 300);
    expect(elsewhere.finishedAt).toBe(100);
    expect(elsewhere.cards).toBe(0);
    const back = advance(elsewhere, reading({ cards: 1 }), 'https:', 400);
    expect(back.finishedAt).toBeNull();
    expect(back.cards).toBe(1);
    expect(advance(back, reading({ cards: 0 }), 'https:', 500).finishedAt).toBe(500);
  });

  it('a page that says a card was bound sets boundAt and clears finishedAt', () => {
    const finished = progress({ cards: 0, finishedAt: 100, boundAt: 50 });
    const bound = advance(finished, reading({ bound: true }), 'https:', 200);
    expect(bound.boundAt).toBe(200);
    expect(bound.finishedAt).toBeNull();
    expect(bound.cards).toBe(0); // the list was not seen again: its last count stays
    expect(advance(bound, reading(), 'https:', 300).boundAt).toBe(200);
  });

  it('leaves the previous progress as it was', () => {
    const prev = progress({ step: 'start', reached: ['start'], registered: false, cards: 2, finishedAt: null, boundAt: 10 });
    const copy = structuredClone(prev);
    const next = advance(prev, reading({ step: 'cards', registered: true, cards: 0, bound: true }), 'http:', 99);
    expect(prev).toEqual(copy);
    expect(next.reached).not.toBe(prev.reached);
    expect(next.reached).toEqual(['start', 'cards']);
    // The frozen starting value is usable as it is.
    expect(advance(NEW_PROGRESS, reading({ step: 'start' }), 'https:', 1).reached).toEqual(['start']);
    expect(NEW_PROGRESS.reached).toEqual([]);
  });
});

describe('statuses', () => {
  it('a new person: the first step is current, the rest to do', () => {
    expect(statuses(demo, progress())).toEqual(['current', 'todo', 'todo', 'todo']);
  });

  it('steps before the current one are done, reached ones too, later ones to do', () => {
    expect(statuses(demo, progress({ step: 'join', reached: ['join'], registered: false }))).toEqual(['done', 'current', 'todo', 'todo']);
    // Back at the start after reaching the card list: what was reached stays done.
    expect(statuses(demo, progress({ step: 'start', reached: ['start', 'join', 'cards'] }))).toEqual(['current', 'done', 'done', 'todo']);
  });

  it('the unregistered branch is skipped once the wallet is known to be registered, unless it was reached', () => {
    expect(statuses(demo, progress({ step: 'cards', reached: ['start', 'cards'], registered: true }))).toEqual([
      'done',
      'skipped',
      'current',
      'todo',
    ]);
    expect(statuses(demo, progress({ step: 'start', reached: ['start'], registered: true }))).toEqual([
      'current',
      'skipped',
      'todo',
      'todo',
    ]);
    expect(statuses(demo, progress({ step: 'cards', reached: ['start', 'join', 'cards'], registered: true }))).toEqual([
      'done',
      'done',
      'current',
      'todo',
    ]);
    // Not known, or not registered: the branch is an ordinary step.
    expect(statuses(demo, progress({ step: 'cards', reached: ['start', 'cards'], registered: null }))).toEqual([
      'done',
      'done',
      'current',
      'todo',
    ]);
    expect(statuses(demo, progress({ step: 'start', reached: ['start'], registered: false }))).toEqual(['current', 'todo', 'todo', 'todo']);
  });

  it('finished: every step done (a skipped branch stays skipped), wherever the person is now', () => {
    expect(statuses(demo, progress({ step: 'done', reached: ['start', 'join', 'cards', 'done'], finishedAt: 1 }))).toEqual([
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(statuses(demo, progress({ step: null, reached: ['cards'], finishedAt: 1 }))).toEqual(['done', 'done', 'done', 'done']);
    expect(statuses(demo, progress({ step: 'start', reached: ['start', 'cards', 'done'], registered: true, finishedAt: 1 }))).toEqual([
      'done',
      'skipped',
      'done',
      'done',
    ]);
  });
});

describe('siteUrl', () => {
  it('puts a scheme-relative address on the scheme the site was seen on', () => {
    expect(siteUrl(start.open!, 'https:')).toBe('https://wallet.test/');
    expect(siteUrl(demo.manage, 'http:')).toBe('http://wallet.test/cards');
    expect(join.open).toBeUndefined();
  });
});

describe('paths', () => {
  const withPath = Guide.parse({
    ...demo,
    steps: [
      { id: 'orders', places: [{ host: 'shop.test', path: { pattern: '^/orders(/|$)', source: 'demo' }, markers: [] }] },
      { id: 'order', places: [{ host: 'shop.test', path: { pattern: '^/orders/\\d+$', source: 'demo' }, markers: [css('#paid')] }] },
    ],
  });

  it('a place with a path matches only there, with its markers', () => {
    expect(readPage(withPath, probe('shop.test', [], '/orders')).step).toBe('orders');
    expect(readPage(withPath, probe('shop.test', [], '/orders/12')).step).toBe('orders');
    expect(readPage(withPath, probe('shop.test', ['#paid'], '/orders/12')).step).toBe('order');
    expect(readPage(withPath, probe('shop.test', ['#paid'], '/cart')).step).toBeNull();
  });

  it('a pattern that does not compile never matches, and never throws', () => {
    const bad = Guide.parse({
      ...demo,
      steps: [{ id: 'x', places: [{ host: 'shop.test', path: { pattern: '(', source: 'demo' }, markers: [] }] }, ...demo.steps],
    });
    expect(readPage(bad, probe('shop.test', [], '(')).step).toBeNull();
  });
});

describe('the shipped AliExpress guide', () => {
  const ali = Guide.parse(aliexpressRaw);
  const ids = ali.steps.map((s) => s.id);
  const wallet = (shown: string[] | Record<string, number>) => probe('www.alipay.com', shown);
  const myAlipay = ['control:History', 'control:My Account', 'control:Manage your cards'];

  // The pages of the journey by what they show (fixtures/sites/ali/PAGES.md), as a person reads them.
  const journey: [string, PageProbe, Partial<PageReading>][] = [
    ['shop home, wallet not registered', probe('www.aliexpress.com', ['control:My AliExpress']), { step: null }],
    ['wallet landing', wallet(['control:Go to My Alipay', 'heading:Pay safely with Alipay']), { step: 'openwallet' }],
    ['sign-in for Alipay', probe('login.aliexpress.com', ['#fm-login-id', '#fm-login-password']), { step: 'signin' }],
    ['registration: e-mail', wallet(['control:Send confirmation email']), { step: 'email', registered: false }],
    ['registration: e-mail sent', wallet(['heading:We sent a confirmation e-mail', 'heading:confirmation e-mail']), { step: 'confirm' }],
    ['registration: details', wallet(['page:security question']), { step: 'password' }],
    [
      'registration: done',
      wallet(['heading:Your Alipay Account Has Been Set Up Successfully', 'control:Go to My Alipay']),
      { step: 'registered' },
    ],
    ['account: history', wallet(myAlipay), { step: 'cards', registered: true }],
    [
      'card list, two cards',
      wallet({ ...Object.fromEntries(myAlipay.map((k) => [k, 1])), 'heading:Manage your cards': 1, 'control:Remove card': 2 }),
      { step: 'remove', registered: true, cards: 2 },
    ],
    [
      'card list, one card',
      wallet([...myAlipay, 'heading:Manage your cards', 'control:Remove card']),
      { step: 'remove', registered: true, cards: 1 },
    ],
    [
      'card list, empty',
      wallet([...myAlipay, 'heading:Manage your cards', 'page:Oops, You Have no Card in Alipay']),
      { step: 'done', registered: true, cards: 0 },
    ],
  ];

  it('validates, with its steps in the order of the journey', () => {
    expect(ids).toEqual(['openwallet', 'signin', 'email', 'confirm', 'password', 'registered', 'cards', 'remove', 'done']);
  });

  for (const [name, p, expected] of journey) {
    it(`reads the page: ${name}`, () => {
      expect(readPage(ali, p)).toEqual(reading(expected));
    });
  }

  it('the shop menu with My Alipay is the way in, and says the wallet is registered', () => {
    const shop = probe('www.aliexpress.com', ['control:My AliExpress', 'control:My Alipay']);
    expect(readPage(ali, shop)).toEqual(reading({ step: 'openwallet', registered: true }));
    expect(currentPlace(ali, shop)?.place.point?.map((t) => ('text' in t ? t.text[0] : t.css))).toEqual(['My Alipay', 'My AliExpress']);
  });

  it('the journey page by page: registered on the way, finished at the empty list, every step done', () => {
    let p = progress();
    for (const [i, [, probeOf]] of journey.entries()) p = advance(p, readPage(ali, probeOf), 'http:', 1000 + i);
    expect(p).toEqual({
      step: 'done',
      reached: ids,
      registered: true,
      cards: 0,
      finishedAt: 1000 + journey.length - 1,
      boundAt: null,
      scheme: 'http:',
    });
    expect(statuses(ali, p)).toEqual(ids.map(() => 'done'));
  });

  it('already registered: the registration steps are skipped, the card list is current', () => {
    let p = progress();
    const shop = probe('www.aliexpress.com', ['control:My AliExpress', 'control:My Alipay']);
    for (const probeOf of [shop, journey[7]![1], journey[8]![1]]) p = advance(p, readPage(ali, probeOf), 'https:', 1);
    expect(p.reached).toEqual(['openwallet', 'cards', 'remove']);
    expect(statuses(ali, p)).toEqual(['done', 'done', 'skipped', 'skipped', 'skipped', 'skipped', 'done', 'current', 'todo']);
  });

  it("the seed's other card list (Delete always shown) is the same step, its rows counted the same", () => {
    const list = wallet({ ...Object.fromEntries(myAlipay.map((k) => [k, 1])), 'heading:Manage your cards': 1, 'control:Delete': 3 });
    expect(readPage(ali, list)).toEqual(reading({ step: 'remove', registered: true, cards: 3 }));
  });

  it("today's dialog asking for the Alipay payment password is still the remove step, and points at its Remove", () => {
    for (const asks of ['page:payment password', 'page:Alipay password']) {
      // On the card list, and on any wallet page that shows such a dialog.
      const onList = wallet([...myAlipay, 'heading:Manage your cards', 'control:Delete', asks]);
      expect(readPage(ali, onList)).toEqual(reading({ step: 'remove', registered: true, cards: 1 }));
      const alone = currentPlace(ali, wallet([asks]));
      expect(alone?.step.id).toBe('remove');
      expect(alone?.place.point).toEqual([{ text: ['Remove'], in: 'control', dialog: true, source: 'alimaniac' }]);
    }
    expect(currentPlace(ali, probe('www.aliexpress.com', ['page:payment password']))).toBeNull();
  });

  it('opens its pages on the scheme the site was seen on', () => {
    expect(siteUrl(ali.steps[0]!.open!, 'http:')).toBe('http://www.alipay.com/');
    expect(siteUrl(ali.manage, 'https:')).toBe('https://www.alipay.com/');
  });
});
