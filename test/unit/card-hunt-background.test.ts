// The background's part of "Where your cards are": card pages seen, counts from a guide's card page,
// the browsing history looked through when allowed, and the person's own changes, through the same
// dispatch as real messages, against a fake storage and history, with a made-up directory.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/background/dispatch';
import { handlers } from '../../src/background/handlers';
import { exportFile } from '../../src/card-hunt/transfer';
import { cardPlaces } from '../../src/storage/records';
import { parseRecord } from '../../src/storage/store';
import { installFakeChrome, type FakeChrome } from '../support/fake-chrome';

vi.mock('virtual:unbind-sites', async () => ({ default: (await import('../support/directory')).ENTRIES }));
vi.mock('virtual:unbind-guides', async () => ({ default: [(await import('../support/directory')).GUIDE] }));

let chrome: FakeChrome;
beforeEach(() => {
  chrome = installFakeChrome();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const DAY = 86_400_000;
const fromFrame = (tabId: number, frameId = 0) => ({ id: 'unbind-test', tab: { id: tabId }, frameId });
const fromPopup = { id: 'unbind-test' };
const send = (msg: unknown, sender: Parameters<typeof dispatch>[2] = fromPopup) => dispatch(handlers, msg, sender, 'unbind-test');
const places = () => (chrome.storage.local.data.get('cardPlaces') as { places: Record<string, unknown> } | undefined)?.places ?? {};

describe('what Unbind sees', () => {
  it("notes a directory entry's card page open in a top frame, on any of its hosts when the path is the same", async () => {
    await send({ type: 'page', site: 'bigshop.example.de', path: '/your/wallet/' }, fromFrame(1));
    expect(places()).toEqual({ 'dir:bigshop': { cardPageAt: expect.any(Number) } });
    expect(JSON.stringify(chrome.storage.local.data.get('cardPlaces'))).not.toContain('wallet');
  });

  it('not another page, not a frame, not a card page at the root, not an unknown site', async () => {
    await send({ type: 'page', site: 'bigshop.example', path: '/your/wallet/edit' }, fromFrame(1));
    await send({ type: 'page', site: 'bigshop.example', path: '/your/wallet' }, fromFrame(1, 3));
    await send({ type: 'page', site: 'paybox.example', path: '/' }, fromFrame(1));
    await send({ type: 'page', site: 'shop.example', path: '/account/cards' }, fromFrame(1));
    await send({ type: 'page', site: 'bigshop.example' }, fromFrame(1));
    // The same path on another of its hosts, when the directory does not say the path is the same there.
    await send({ type: 'page', site: 'two.example.fr', path: '/cards' }, fromFrame(1));
    expect(places()).toEqual({});
    await send({ type: 'page', site: 'two.example', path: '/Cards' }, fromFrame(1));
    expect(Object.keys(places())).toEqual(['dir:twohosts']);
  });

  it("a guide's count on its card page is the place's state", async () => {
    const reading = { step: 'remove', registered: true, cards: 2, bound: false };
    await send({ type: 'guide', guide: 'walletshop', reading, scheme: 'https:' }, fromFrame(2));
    expect(places()).toEqual({ 'dir:walletshop': { seen: { cards: 2, at: expect.any(Number), by: 'page' } } });
    await send({ type: 'guide', guide: 'walletshop', reading: { ...reading, step: 'open', cards: null }, scheme: 'https:' }, fromFrame(2));
    expect(places()).toMatchObject({ 'dir:walletshop': { seen: { cards: 2 } } });
  });
});

describe('the browsing history', () => {
  const now = Date.now();
  const seed = () =>
    chrome.historyPages.push(
      { url: 'https://www.bigshop.example/buy/thankyou/x?order=1', lastVisitTime: now - DAY },
      { url: 'http://127.0.0.1:8777/checkout/save-lang-en.html', lastVisitTime: now - 2 * DAY },
      { url: 'https://news.example/today', lastVisitTime: now },
      { url: 'https://old.example/checkout', lastVisitTime: now - 400 * DAY },
    );

  it('is not read without the permission', async () => {
    seed();
    expect(await send({ type: 'history-look' })).toEqual({ error: 'no-permission' });
    expect(chrome.searches).toEqual([]);
    expect(chrome.storage.local.data.has('cardPlaces')).toBe(false);
  });

  it('with it: the last year, bounded; only the matched places, their sites and dates are kept', async () => {
    seed();
    chrome.granted.add('history');
    expect(await send({ type: 'history-look' })).toEqual({ found: 2 });
    expect(chrome.searches[0]).toEqual({ text: '', startTime: expect.any(Number), maxResults: 10_000 });
    for (const q of chrome.searches) {
      expect(q.startTime).toBeGreaterThanOrEqual(now - 366 * DAY);
      expect(q.maxResults).toBeLessThanOrEqual(10_000);
    }
    const stored = chrome.storage.local.data.get('cardPlaces') as { historyAt: number };
    expect(stored.historyAt).toBeGreaterThanOrEqual(now);
    expect(places()).toEqual({
      'dir:bigshop': { history: { kind: 'paid', site: 'bigshop.example', at: now - DAY } },
      'site:127.0.0.1': { history: { kind: 'checkout', site: '127.0.0.1', at: now - 2 * DAY } },
    });
    expect(JSON.stringify(stored)).not.toMatch(/news|old\.example|thankyou|save-lang|http/);
  });

  it('one look at a time: asked twice at once, read once', async () => {
    seed();
    chrome.granted.add('history');
    const [a, b] = await Promise.all([send({ type: 'history-look' }), send({ type: 'history-look' })]);
    expect(a).toEqual(b);
    expect(chrome.searches.filter((q) => q.text === '')).toHaveLength(1);
  });

  it('forgetting it while a look is running forgets what that look finds too', async () => {
    seed();
    chrome.granted.add('history');
    await Promise.all([send({ type: 'history-look' }), send({ type: 'history-forget' })]);
    expect(chrome.storage.local.data.get('cardPlaces')).toEqual({ version: 1, historyAt: null, places: {} });
  });

  it('forgetting it drops what it alone found', async () => {
    seed();
    chrome.granted.add('history');
    await send({ type: 'history-look' });
    await send({ type: 'place-add', place: 'dir:bigshop' });
    await send({ type: 'history-forget' });
    expect(chrome.storage.local.data.get('cardPlaces')).toEqual({
      version: 1,
      historyAt: null,
      places: { 'dir:bigshop': { addedAt: expect.any(Number) } },
    });
  });
});

describe("the person's changes", () => {
  it('adds a directory entry, a guide or a typed site, not an unknown id or a malformed key', async () => {
    await send({ type: 'place-add', place: 'dir:paybox' });
    await send({ type: 'place-add', place: 'dir:walletshop' });
    await send({ type: 'place-add', place: 'site:my.shop.example' });
    await send({ type: 'place-add', place: 'dir:nosuch' });
    await send({ type: 'place-add', place: 'site:https://x' });
    expect(Object.keys(places()).sort()).toEqual(['dir:paybox', 'dir:walletshop', 'site:my.shop.example']);
  });

  it('counts, marks removed and undoes it; a place with nothing left goes', async () => {
    await send({ type: 'place-count', place: 'site:a.example', cards: 2 });
    expect(places()).toEqual({ 'site:a.example': { seen: { cards: 2, at: expect.any(Number), by: 'person' } } });
    await send({ type: 'place-removed', place: 'site:a.example', removed: true });
    expect(places()).toMatchObject({ 'site:a.example': { removedAt: expect.any(Number), seen: { cards: 2 } } });
    await send({ type: 'place-removed', place: 'site:a.example', removed: false });
    expect(places()).toEqual({ 'site:a.example': { seen: { cards: 2, at: expect.any(Number), by: 'person' } } });
    await send({ type: 'place-removed', place: 'site:b.example', removed: true });
    await send({ type: 'place-removed', place: 'site:b.example', removed: false });
    expect(Object.keys(places())).toEqual(['site:a.example']);
    await send({ type: 'place-count', place: 'site:a.example', cards: 100 }); // malformed: dropped
    expect(places()).toMatchObject({ 'site:a.example': { seen: { cards: 2 } } });
  });

  it("forgets a place: its facts, the boxes left ticked on its sites, a guide's progress", async () => {
    await chrome.storage.local.set({
      leftTicked: {
        version: 1,
        sites: {
          'bigshop.example': { at: 1, label: 'a' },
          'bigshop.example.de': { at: 2, label: 'b' },
          'shop.example': { at: 3, label: 'c' },
        },
      },
      guides: {
        version: 1,
        byGuide: { walletshop: { step: null, reached: [], registered: null, cards: 1, finishedAt: null, boundAt: null, scheme: 'https:' } },
      },
    });
    await send({ type: 'place-add', place: 'dir:bigshop' });
    await send({ type: 'place-forget', place: 'dir:bigshop' });
    expect(places()).toEqual({});
    expect(chrome.storage.local.data.get('leftTicked')).toEqual({ version: 1, sites: { 'shop.example': { at: 3, label: 'c' } } });
    await send({ type: 'place-forget', place: 'dir:walletshop' });
    expect(chrome.storage.local.data.get('guides')).toEqual({ version: 1, byGuide: {} });
  });

  it('imports a list by merging it; a list that does not parse changes nothing', async () => {
    await send({ type: 'place-add', place: 'site:keep.example' });
    const file = exportFile({ 'site:new.example': { removedAt: 5 } }, { 'shop.example': { at: 7, label: 'Save card' } }, Date.now());
    expect(await send({ type: 'places-import', list: file })).toEqual({ imported: true });
    expect(Object.keys(places()).sort()).toEqual(['site:keep.example', 'site:new.example']);
    expect(chrome.storage.local.data.get('leftTicked')).toEqual({ version: 1, sites: { 'shop.example': { at: 7, label: 'Save card' } } });
    const before = JSON.stringify([...chrome.storage.local.data]);
    expect(await send({ type: 'places-import', list: { ...file, places: { 'site:x.example': { addedAt: -1 } } } })).toEqual({
      imported: false,
    });
    expect(await send({ type: 'places-import', list: 'nonsense' })).toEqual({ imported: false });
    expect(JSON.stringify([...chrome.storage.local.data])).toBe(before);
  });
});

describe('the stored record', () => {
  it('a damaged place is dropped, the others kept; a damaged date of the last look forgotten', () => {
    const r = parseRecord(cardPlaces, {
      version: 1,
      historyAt: 'yesterday',
      places: { 'site:a.example': { addedAt: 5 }, 'site:b.example': { addedAt: 'x' }, 'not a key': { addedAt: 5 } },
    });
    expect(r.value).toEqual({ version: 1, historyAt: null, places: { 'site:a.example': { addedAt: 5 } } });
    expect(r.problem).toMatch(/cardPlaces/);
  });
});
