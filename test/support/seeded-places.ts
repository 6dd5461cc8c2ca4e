// What the popup shows, seeded straight into storage for the tests that look at the popup in its states
// (widths in every language, accessibility): a tab's boxes, a PayPal guide at its card step, and one
// "Where your cards are" list with a place in each state.

type BoxState = 'unticked' | 'reticked' | 'person' | 'gave-up';

/** The session record of a tab on `site` with one box in each of `states` (storage key `tab:<id>`). */
export const seededTab = (site: string, states: readonly BoxState[], label: string) => ({
  version: 1,
  site,
  boxes: states.map((state, i) => ({ boxId: i, frameId: 0, label, state, ticked: state !== 'unticked' })),
});

/** The guides record with PayPal's guide at its card step, `cards` left; finished at `finishedAt`. */
export const seededPaypalGuide = (cards: number, finishedAt: number | null) => ({
  version: 1,
  byGuide: {
    paypal: {
      step: 'card',
      reached: ['login', 'signin', 'wallet', 'card'],
      registered: null,
      cards,
      finishedAt,
      boundAt: null,
      scheme: 'https:',
    },
  },
});

/** The stored records, as of `day` (ms), with the left-ticked box labelled `label`. */
export const seededPlaces = (day: number, label = 'Save this card') => ({
  leftTicked: { version: 1, sites: { 'shop.example': { at: day, label } } },
  cardPlaces: {
    version: 1,
    historyAt: day,
    places: {
      'dir:amazon': { history: { kind: 'checkout', site: 'amazon.com', at: day }, cardPageAt: day },
      'dir:ebay': { addedAt: day, removedAt: day },
      'site:shop.example': { addedAt: day, seen: { cards: 2, at: day, by: 'person' } },
      'site:unchecked.example': { history: { kind: 'paid', site: 'unchecked.example', at: day } },
    },
  },
});
