// One "Where your cards are" list with a place in each state (history only, card page seen, removed,
// counted, unchecked), and the box left ticked behind it: the popup's fullest list, shared by the
// tests that look at it (widths in every language, accessibility).

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
