// "Where your cards are" as a list the person works through: what is on it, why, and each place's state.
import { describe, expect, it } from 'vitest';
import { buildList, type ListInput, placeState, type Reason } from '../../src/card-hunt/list';
import { NEW_PROGRESS, type Progress } from '../../src/guide/engine';
import { ENTRIES, entry, GUIDE } from '../support/directory';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 20);
const leftTicked = (at: number): Reason => ({ kind: 'left-ticked', at, site: 'shop.example' });
const progress = (over: Partial<Progress>): Progress => ({ ...NEW_PROGRESS, reached: [], ...over });

describe('placeState', () => {
  it('not checked yet, until something is counted or marked', () => {
    expect(placeState(undefined, undefined, [])).toEqual({ kind: 'unchecked' });
    expect(placeState({ addedAt: T }, undefined, [])).toEqual({ kind: 'unchecked' });
  });

  it('N cards seen, or none left, on the date they were counted, by the page or the person', () => {
    expect(placeState({ seen: { cards: 2, at: T, by: 'person' } }, undefined, [])).toEqual({
      kind: 'cards',
      cards: 2,
      at: T,
      by: 'person',
    });
    expect(placeState({ seen: { cards: 0, at: T, by: 'page' } }, undefined, [])).toEqual({ kind: 'none-left', at: T, by: 'page' });
  });

  it('"I removed it" and a count: the later one wins', () => {
    expect(placeState({ seen: { cards: 2, at: T, by: 'person' }, removedAt: T + DAY }, undefined, [])).toEqual({
      kind: 'removed',
      at: T + DAY,
    });
    expect(placeState({ seen: { cards: 1, at: T + DAY, by: 'page' }, removedAt: T }, undefined, [])).toMatchObject({
      kind: 'cards',
      cards: 1,
    });
  });

  it('a card kept after "none left" or "removed" (a box left ticked, a card bound) puts it back to not checked', () => {
    expect(placeState({ removedAt: T }, undefined, [leftTicked(T + DAY)])).toEqual({ kind: 'unchecked' });
    expect(placeState({ seen: { cards: 0, at: T, by: 'person' } }, undefined, [{ kind: 'bound', at: T + 1 }])).toEqual({
      kind: 'unchecked',
    });
    expect(placeState({ removedAt: T }, undefined, [leftTicked(T - DAY)])).toEqual({ kind: 'removed', at: T });
    // Visits in the history say nothing of a new card.
    expect(placeState({ removedAt: T }, undefined, [{ kind: 'paid', at: T + DAY, site: 'a.example' }])).toEqual({ kind: 'removed', at: T });
    // With cards still there, a new one changes nothing to do.
    expect(placeState({ seen: { cards: 2, at: T, by: 'page' } }, undefined, [leftTicked(T + DAY)])).toMatchObject({ kind: 'cards' });
  });

  it("a guide's progress stands in for a count made before counts were dated", () => {
    expect(placeState(undefined, progress({ cards: 3 }), [])).toEqual({ kind: 'cards', cards: 3, at: null, by: 'page' });
    expect(placeState(undefined, progress({ cards: 0, finishedAt: T }), [])).toEqual({ kind: 'none-left', at: T, by: 'page' });
    expect(placeState({ seen: { cards: 1, at: T, by: 'page' } }, progress({ cards: 3 }), [])).toMatchObject({ cards: 1 });
  });
});

describe('buildList', () => {
  const base: ListInput = { places: {}, leftTicked: {}, progress: {}, entries: ENTRIES, guides: [GUIDE] };
  const keys = (input: Partial<ListInput>) => buildList({ ...base, ...input }).map((v) => v.key);

  it('is empty when nothing is known', () => {
    expect(buildList(base)).toEqual([]);
  });

  it('a box left ticked puts its site on the list, under its directory entry when there is one', () => {
    const list = buildList({
      ...base,
      leftTicked: { 'bigshop.example.de': { at: T, label: 'Save card' }, 'shop.example': { at: T - DAY, label: 'Save' } },
    });
    expect(list.map((v) => v.key)).toEqual(['dir:bigshop', 'site:shop.example']);
    const big = list[0]!;
    expect(big).toMatchObject({
      name: 'Bigshop',
      sites: ['bigshop.example.de'],
      state: { kind: 'unchecked' },
      countByPerson: true,
      guide: null,
    });
    expect(big.cardPage).toBe('https://bigshop.example.de/your/wallet'); // on the host the person used
    expect(big.menuPath).toEqual(['Account', 'Cards']);
    expect(big.reasons).toEqual([{ kind: 'left-ticked', at: T, site: 'bigshop.example.de' }]);
    expect(list[1]).toMatchObject({ name: 'shop.example', cardPage: null, menuPath: null });
  });

  it("a guide's place: its card count from the page, the guide's card page, no count by the person", () => {
    const list = buildList({ ...base, progress: { walletshop: progress({ cards: 2, scheme: 'http:' }) } });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      key: 'dir:walletshop',
      name: 'Walletshop · Wallet',
      guide: GUIDE,
      cardPage: 'http://www.wallet.example/cards',
      countByPerson: false,
      state: { kind: 'cards', cards: 2 },
    });
    // A guide with no progress to speak of is not on the list.
    expect(keys({ progress: { walletshop: progress({}) } })).toEqual([]);
    expect(keys({ progress: { walletshop: progress({ boundAt: T }) } })).toEqual(['dir:walletshop']);
  });

  it('a directory entry that names the guide takes its place, stored facts included', () => {
    const entries = [...ENTRIES, entry('wshop', ['Walletshop'], ['walletshop.example'], { guide: 'walletshop' })];
    const list = buildList({
      ...base,
      entries,
      places: { 'dir:walletshop': { removedAt: T } },
      progress: { walletshop: progress({ boundAt: T - DAY }) },
    });
    expect(list.map((v) => v.key)).toEqual(['dir:wshop']);
    expect(list[0]).toMatchObject({ name: 'Walletshop', guide: GUIDE, state: { kind: 'removed', at: T } });
    // Its card page from the directory; when the directory does not know it, the guide's way there.
    expect(list[0]!.cardPage).toBe('https://walletshop.example/account/cards');
    const unknown = entries.map((e) => (e.id === 'wshop' ? { ...e, cardPage: { unknown: 'not found' } } : e));
    expect(buildList({ ...base, entries: unknown, places: { 'dir:wshop': { addedAt: T } } })[0]!.cardPage).toBe(
      'https://www.wallet.example/cards',
    );
  });

  it('every reason, newest first: history, added, card page visited, bound', () => {
    const list = buildList({
      ...base,
      places: {
        'dir:bigshop': { history: { kind: 'paid', site: 'bigshop.example', at: T }, addedAt: T + DAY, cardPageAt: T + 2 * DAY },
        'site:a.example': { history: { kind: 'checkout', site: 'a.example', at: T - DAY } },
      },
    });
    expect(list[0]!.reasons.map((r) => r.kind)).toEqual(['card-page', 'added', 'paid']);
    expect(list[0]!.sites).toEqual(['bigshop.example']);
    expect(list[1]!.reasons).toEqual([{ kind: 'checkout', at: T - DAY, site: 'a.example' }]);
  });

  it('places still to work through come first, the most recent first; done ones (none left, removed) last', () => {
    expect(
      keys({
        places: {
          'site:old.example': { addedAt: T - 9 * DAY },
          'site:done.example': { addedAt: T + 9 * DAY, removedAt: T + 9 * DAY },
          'site:counted.example': { seen: { cards: 0, at: T + 8 * DAY, by: 'person' } },
          'site:new.example': { addedAt: T },
          'site:cards.example': { seen: { cards: 1, at: T - DAY, by: 'person' } },
        },
      }),
    ).toEqual(['site:new.example', 'site:cards.example', 'site:old.example', 'site:done.example', 'site:counted.example']);
  });

  it('a place the directory no longer knows is still shown, by its id', () => {
    expect(buildList({ ...base, places: { 'dir:gone': { addedAt: T } } })[0]).toMatchObject({ name: 'gone', entry: null, cardPage: null });
  });
});
