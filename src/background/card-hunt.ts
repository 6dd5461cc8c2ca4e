// "Where your cards are", the background's part for the list a person works through: card pages
// seen open, counts made on a guide's card page, the browsing history looked through when the person
// asks (optional `history` permission), places added, counted, marked removed, forgotten, imported.
// Only sites, dates and counts are kept (src/card-hunt/place.ts).
import guides from 'virtual:unbind-guides';
import sites from 'virtual:unbind-sites';
import { isCardPage } from '../card-hunt/card-page';
import { readCheckoutPaths } from '../card-hunt/checkout-paths';
import {
  HISTORY_DAYS,
  HISTORY_MAX_RESULTS,
  HISTORY_WORDS,
  matchHistory,
  placeForSite,
  withFound,
  withoutHistory,
} from '../card-hunt/history';
import { isEmptyPlace, type Place, type PlaceKey } from '../card-hunt/place';
import { mergeLeftTicked, mergePlaces, PlacesFile } from '../card-hunt/transfer';
import checkoutPathsFile from '../data/checkout-paths.json';
import { known } from '../directory/schema';
import { parseMessage } from '../shared/messages';
import { siteForHost } from '../directory/search';
import { cardPlaces, guideProgress, leftTicked, type CardPlaces } from '../storage/records';
import { update } from '../storage/writer';
import type { Handlers } from './dispatch';

const DAY = 24 * 60 * 60 * 1000;
const checkoutPaths = readCheckoutPaths(checkoutPathsFile);
for (const p of checkoutPaths.problems) console.warn(`[Unbind] ${p}`);
const KNOWN = { entries: sites, guides, checkout: checkoutPaths.patterns };

/** Changes one place; a place left with nothing known is dropped. */
function changePlace(key: PlaceKey, change: (p: Place) => Place | false) {
  return update(cardPlaces, (c) => {
    const next = change({ ...c.places[key] });
    if (next === false) return false;
    if (isEmptyPlace(next)) delete c.places[key];
    else c.places[key] = next;
  });
}

/** The top frame opened a page: a directory entry's card page is noted (the place and the date). */
export async function noteCardPage(site: string, path: string, now = Date.now()): Promise<void> {
  const entry = siteForHost(sites, site);
  if (!entry || !isCardPage(entry, site, path)) return;
  await changePlace(`dir:${entry.id}`, (p) => ({ ...p, cardPageAt: now }));
}

/** A guide counted the cards on the site's card list (0: none left). */
export async function noteGuideCount(guideId: string, cards: number, now = Date.now()): Promise<void> {
  const guide = guides.find((g) => g.id === guideId);
  if (!guide) return;
  const key: PlaceKey = `dir:${(sites.find((e) => e.guide === guide.id) ?? guide).id}`;
  await changePlace(key, (p) => ({ ...p, seen: { cards, at: now, by: 'page' } }));
}

let looking: Promise<{ found: number } | { error: 'no-permission' }> | null = null;

/** Looks through the browsing history (the last year, bounded) once the person allowed it; one look at
 *  a time (the popup's request and the permission's onAdded may both ask). Keeps only what matched. */
export function lookThroughHistory(): Promise<{ found: number } | { error: 'no-permission' }> {
  looking ??= look().finally(() => {
    looking = null;
  });
  return looking;
}

async function look(): Promise<{ found: number } | { error: 'no-permission' }> {
  if (!(await chrome.permissions.contains({ permissions: ['history'] }))) return { error: 'no-permission' };
  const now = Date.now();
  const startTime = now - HISTORY_DAYS * DAY;
  const searches: chrome.history.HistoryQuery[] = [
    { text: '', startTime, maxResults: HISTORY_MAX_RESULTS },
    ...HISTORY_WORDS.map((text) => ({ text, startTime, maxResults: 2000 })),
    // The directory's own hosts, for the places whose paid pages it knows.
    ...sites.filter((e) => known(e.paidPaths)?.length).flatMap((e) => e.hosts.map((text) => ({ text, startTime, maxResults: 500 }))),
  ];
  let found: ReturnType<typeof matchHistory> = [];
  {
    const pages: chrome.history.HistoryItem[] = [];
    for (const q of searches) pages.push(...(await chrome.history.search(q)));
    found = matchHistory(pages, KNOWN);
  } // the pages go out of scope here: nothing of them but `found` is kept
  await update(cardPlaces, (c): CardPlaces => ({ ...c, places: withFound(c.places, found), historyAt: now }));
  return { found: found.length };
}

const knownPlace = (key: PlaceKey) =>
  key.startsWith('site:') || sites.some((e) => `dir:${e.id}` === key) || guides.some((g) => `dir:${g.id}` === key);

export const cardHuntHandlers = {
  'history-look': () => lookThroughHistory(),
  /** After a look still running, so that what it finds is forgotten too. */
  'history-forget': async () => {
    await looking?.catch(() => undefined);
    await update(cardPlaces, (c): CardPlaces => ({ ...c, places: withoutHistory(c.places), historyAt: null }));
  },
  'place-add': (msg) =>
    knownPlace(msg.place) ? changePlace(msg.place, (p) => (p.addedAt !== undefined ? false : { ...p, addedAt: Date.now() })) : undefined,
  'place-count': (msg) => changePlace(msg.place, (p) => ({ ...p, seen: { cards: msg.cards, at: Date.now(), by: 'person' } })),
  'place-removed': (msg) =>
    changePlace(msg.place, (p) => {
      if (msg.removed) return { ...p, removedAt: Date.now() };
      const { removedAt: _, ...rest } = p;
      return rest;
    }),
  /** Everything Unbind noted about the place: its entry, the boxes left ticked on its sites, and (for a
   *  guide's place) the guide's progress. */
  'place-forget': async (msg) => {
    await changePlace(msg.place, () => ({}));
    await update(leftTicked, (l) => {
      const mine = Object.keys(l.sites).filter((site) => placeForSite(site, sites, guides) === msg.place);
      if (!mine.length) return false;
      for (const site of mine) delete l.sites[site];
    });
    const guide = guides.find((g) => `dir:${(sites.find((e) => e.guide === g.id) ?? g).id}` === msg.place);
    if (guide)
      await update(guideProgress, (p) => {
        if (!(guide.id in p.byGuide)) return false;
        delete p.byGuide[guide.id];
      });
  },
  'places-import': async (msg) => {
    const list = parseMessage(PlacesFile, msg.list, 'places-import');
    if (!list) return { imported: false };
    await update(cardPlaces, (c): CardPlaces => ({ ...c, places: mergePlaces(c.places, list.places) }));
    await update(leftTicked, (l) => ({ ...l, sites: mergeLeftTicked(l.sites, list.leftTicked) }));
    return { imported: true };
  },
} satisfies Partial<Handlers>;
