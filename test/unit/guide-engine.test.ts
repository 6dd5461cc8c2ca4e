// The guide engine (src/guide/engine.ts) on a fake page: a host and the selectors that match, with
// how many elements each matches. A small made-up guide pins each rule; the shipped AliExpress guide
// is then read page by page along the journey the e2e test walks in Chromium.
import { describe, expect, it } from 'vitest';
import aliexpressRaw from '../../src/data/guides/aliexpress.json';
import {
  advance,
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
import { Guide } from '../../src/guide/schema';

/** A page: its host and the selectors that match on it (a list: once each; a record: that many times). */
function probe(host: string, matches: string[] | Record<string, number> = []): PageProbe {
  const counts: Record<string, number> = Array.isArray(matches) ? Object.fromEntries(matches.map((s) => [s, 1])) : matches;
  return { host, has: (s) => (counts[s] ?? 0) > 0, count: (s) => counts[s] ?? 0 };
}

const progress = (p: Partial<Progress> = {}): Progress => ({ ...NEW_PROGRESS, reached: [], ...p });
const reading = (r: Partial<PageReading> = {}): PageReading => ({ step: null, registered: null, cards: null, bound: false, ...r });

// A shop and a wallet; joining the wallet is the branch for people who have none.
const demo = Guide.parse({
  id: 'demo',
  name: 'Demo',
  hosts: ['shop.test', 'wallet.test'],
  fixture: 'demo',
  manage: '//wallet.test/cards',
  registeredMarkers: ['#member-menu'],
  unregisteredMarkers: ['#join-form'],
  steps: [
    {
      id: 'start',
      open: '//wallet.test/',
      places: [
        { host: 'shop.test', markers: ['#home', '#account'] },
        { host: 'wallet.test', markers: ['#landing'], point: ['#go'] },
      ],
    },
    { id: 'join', branch: 'unregistered', places: [{ host: 'wallet.test', markers: ['#join-form'] }] },
    { id: 'cards', places: [{ host: 'wallet.test', markers: ['#cards'] }] },
    { id: 'done', places: [{ host: 'wallet.test', markers: ['#cards', '#empty'] }] },
  ],
  cardList: { place: { host: 'wallet.test', markers: ['#cards'] }, card: '.card', empty: '#empty' },
  boundMarkers: [{ host: 'shop.test', markers: ['#bound'] }],
  checkout: { hosts: ['shop.test'], saveBoxes: ['#save'] },
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
    // Markers are read on any host (they are selectors, not places).
    expect(readPage(demo, probe('shop.test', ['#member-menu'])).registered).toBe(true);
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
    expect(readPage(demo, probe('shop.test', { '#cards': 1, '.card': 3 })).cards).toBeNull();
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

describe('the shipped AliExpress guide', () => {
  const ali = Guide.parse(aliexpressRaw);
  const ids = ali.steps.map((s) => s.id);
  const page = (data: string, more: string[] | Record<string, number> = {}, host = 'www.alipay.com') => {
    const extra = Array.isArray(more) ? Object.fromEntries(more.map((s) => [s, 1])) : more;
    return probe(host, {
      [`body[data-page='${data}']`]: 1,
      "body[data-page^='wallet-register']": data.startsWith('wallet-register') ? 1 : 0,
      ...extra,
    });
  };

  // The pages of the journey as the fixture sites draw them (fixtures/sites/ali/PAGES.md).
  const journey: [string, PageProbe, Partial<PageReading>][] = [
    ['shop home, wallet not registered', probe('www.aliexpress.com', ['#account-menu']), { step: null }],
    ['card bound at payment', probe('www.aliexpress.com', ['#account-menu', '#card-bound-notice']), { step: null, bound: true }],
    ['wallet landing', page('wallet-landing'), { step: 'openwallet' }],
    ['sign-in for Alipay', page('login', ['#login-for-alipay'], 'login.aliexpress.com'), { step: 'signin' }],
    ['registration: e-mail', page('wallet-register-email'), { step: 'email', registered: false }],
    ['registration: e-mail sent', page('wallet-register-sent'), { step: 'confirm', registered: false }],
    ['registration: confirmation link', page('wallet-confirm-link'), { step: 'confirm' }],
    ['registration: details', page('wallet-register-details'), { step: 'password', registered: false }],
    ['registration: done', page('wallet-register-done', ['#nav-my-alipay']), { step: 'registered', registered: true }],
    ['account: history', page('wallet-history', ['#account-tabs', '#nav-my-alipay']), { step: 'cards', registered: true }],
    [
      'card list, two cards',
      page('wallet-cards', { '#account-tabs': 1, '#nav-my-alipay': 1, '#card-list .card-row': 2 }),
      { step: 'remove', registered: true, cards: 2 },
    ],
    [
      'card list, one card',
      page('wallet-cards', { '#account-tabs': 1, '#nav-my-alipay': 1, '#card-list .card-row': 1 }),
      { step: 'remove', registered: true, cards: 1 },
    ],
    [
      'card list, empty',
      page('wallet-cards', ['#account-tabs', '#nav-my-alipay', '#no-cards']),
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
    const shop = probe('www.aliexpress.com', ['#account-menu', '#menu-my-alipay']);
    expect(readPage(ali, shop)).toEqual(reading({ step: 'openwallet', registered: true }));
    expect(currentPlace(ali, shop)?.place.point).toEqual(['#menu-my-alipay', '#account-menu-trigger']);
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
      boundAt: 1001,
      scheme: 'http:',
    });
    expect(statuses(ali, p)).toEqual(ids.map(() => 'done'));
  });

  it('already registered: the registration steps are skipped, the card list is current', () => {
    let p = progress();
    for (const probeOf of [probe('www.aliexpress.com', ['#account-menu', '#menu-my-alipay']), journey[9]![1], journey[10]![1]]) {
      p = advance(p, readPage(ali, probeOf), 'https:', 1);
    }
    expect(p.reached).toEqual(['openwallet', 'cards', 'remove']);
    expect(statuses(ali, p)).toEqual(['done', 'done', 'skipped', 'skipped', 'skipped', 'skipped', 'done', 'current', 'todo']);
  });

  it('opens its pages on the scheme the site was seen on', () => {
    expect(siteUrl(ali.steps[0]!.open!, 'http:')).toBe('http://www.alipay.com/');
    expect(siteUrl(ali.manage, 'https:')).toBe('https://www.alipay.com/account/cards');
  });
});
