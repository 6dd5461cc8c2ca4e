// The list as a file: exported, then read back; a file that is not a good list changes nothing and
// says why; an import is merged in, the later date winning for each fact.
import { describe, expect, it } from 'vitest';
import { exportFile, mergeLeftTicked, mergePlace, mergePlaces, parseFile, MAX_FILE_BYTES } from '../../src/card-hunt/transfer';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 20);
const PLACES = {
  'dir:amazon': { history: { kind: 'paid' as const, site: 'amazon.de', at: T }, seen: { cards: 2, at: T + DAY, by: 'person' as const } },
  'site:shop.example': { addedAt: T, removedAt: T + 2 * DAY },
};
const LEFT = { 'shop.example': { at: T, label: 'Save this card' } };
const good = () => structuredClone(exportFile(PLACES, LEFT, T + 3 * DAY));

describe('export, then import', () => {
  it('round-trips: what is read back is what was written', () => {
    const file = good();
    expect(file).toMatchObject({ format: 'unbind-card-places', version: 1, exportedAt: '2026-11-23T00:00:00.000Z' });
    const r = parseFile(JSON.stringify(file, null, 2));
    expect(r).toEqual({ ok: true, file });
  });

  it('leaves out a left-ticked site that is no plain host name', () => {
    expect(Object.keys(exportFile({}, { ...LEFT, '[::1]': { at: T, label: 'x' } }, T).leftTicked)).toEqual(['shop.example']);
  });
});

describe('a file that is not a good list', () => {
  const error = (text: string) => {
    const r = parseFile(text);
    if (r.ok) throw new Error('parsed');
    return r.error;
  };
  const withFile = (change: (f: Record<string, unknown>) => void) => {
    const f = good() as unknown as Record<string, unknown>;
    change(f);
    return JSON.stringify(f);
  };

  it('not JSON', () => expect(error('{"format": ')).toMatchObject({ kind: 'not-json' }));
  it('JSON, but not an Unbind list', () => {
    expect(error('[1, 2]')).toEqual({ kind: 'not-a-list' });
    expect(error('"unbind-card-places"')).toEqual({ kind: 'not-a-list' });
    expect(error('{"places": {}}')).toEqual({ kind: 'not-a-list' });
  });
  it('from a newer Unbind', () => expect(error(withFile((f) => (f.version = 2)))).toEqual({ kind: 'newer', version: 2 }));
  it('too big', () => expect(error(' '.repeat(MAX_FILE_BYTES + 1))).toEqual({ kind: 'too-big' }));

  it('damaged: says where', () => {
    expect(error(withFile((f) => ((f.places as Record<string, unknown>)['https://evil.example/'] = {})))).toMatchObject({
      kind: 'invalid',
    });
    const e = error(withFile((f) => ((f.places as Record<string, { seen: { cards: number } }>)['dir:amazon']!.seen.cards = -1)));
    expect(e).toMatchObject({ kind: 'invalid', detail: expect.stringMatching(/places\.dir:amazon\.seen\.cards/) });
    expect(error(withFile((f) => delete f.leftTicked))).toMatchObject({ kind: 'invalid', detail: expect.stringMatching(/leftTicked/) });
    expect(
      error(withFile((f) => ((f.leftTicked as Record<string, unknown>)['shop.example'] = { at: 'yesterday', label: 'x' }))),
    ).toMatchObject({
      kind: 'invalid',
    });
    expect(
      error(
        withFile(
          (f) => ((f.places as Record<string, unknown>)['site:a.example'] = { history: { kind: 'visited', site: 'a.example', at: T } }),
        ),
      ),
    ).toMatchObject({
      kind: 'invalid',
    });
  });

  it('too many places', () => {
    const places = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`site:s${i}.example`, { addedAt: T }]));
    expect(error(JSON.stringify(exportFile(places, {}, T)))).toMatchObject({
      kind: 'invalid',
      detail: expect.stringMatching(/more than 2000/),
    });
  });
});

describe('merging an import', () => {
  it('each fact at its latest date; the person added it at the earliest', () => {
    expect(
      mergePlace(
        { addedAt: T + DAY, seen: { cards: 2, at: T, by: 'person' }, history: { kind: 'paid', site: 'a.example', at: T + DAY } },
        {
          addedAt: T,
          seen: { cards: 0, at: T + DAY, by: 'page' },
          history: { kind: 'checkout', site: 'a.example', at: T },
          removedAt: T,
          cardPageAt: T,
        },
      ),
    ).toEqual({
      addedAt: T,
      seen: { cards: 0, at: T + DAY, by: 'page' },
      history: { kind: 'paid', site: 'a.example', at: T + DAY },
      removedAt: T,
      cardPageAt: T,
    });
  });

  it('importing the same file again, or an older one, loses nothing', () => {
    const once = mergePlaces({}, PLACES);
    expect(mergePlaces(once, PLACES)).toEqual(PLACES);
    const newer = { ...PLACES, 'site:shop.example': { addedAt: T, removedAt: T + 5 * DAY } };
    expect(mergePlaces(newer, PLACES)).toEqual(newer);
    expect(mergePlaces({ 'site:keep.example': { addedAt: T } }, PLACES)).toMatchObject({ 'site:keep.example': { addedAt: T } });
  });

  it('a place with nothing in it is not added', () => {
    expect(mergePlaces({}, { 'site:empty.example': {} })).toEqual({});
  });

  it('left-ticked sites: the later one wins', () => {
    expect(
      mergeLeftTicked(
        { 'a.example': { at: T + DAY, label: 'new' } },
        { 'a.example': { at: T, label: 'old' }, 'b.example': { at: T, label: 'b' } },
      ),
    ).toEqual({
      'a.example': { at: T + DAY, label: 'new' },
      'b.example': { at: T, label: 'b' },
    });
  });
});
