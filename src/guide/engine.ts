// Pure guide logic: which step a page is, and how a person's progress moves. The content script
// supplies a probe of the live page; the popup and background use the rest.
import { hostMatches, type Guide, type Marker, type Place, type Step, type Target } from './schema.ts';

/** What the guide may ask of a page: where it is, what it shows, and how many of a thing it holds.
 *  The content script reads the live page (src/guide/page.ts); tests pass a fake. */
export interface PageProbe {
  host: string;
  /** The URL path and query. */
  path: string;
  shows(marker: Marker): boolean;
  /** How many elements the target finds, seen or not (a control that shows only on hover counts). */
  count(target: Target): number;
}

/** What one page tells about the journey. */
export interface PageReading {
  /** The step this page is, or null when the page is not one of the guide's places. */
  step: string | null;
  /** True/false when the page shows whether the wallet is registered; null when it does not say. */
  registered: boolean | null;
  /** Cards listed on this page when it is the card list (0 = "no card"); null elsewhere. */
  cards: number | null;
  /** The page says the site has just bound (stored) a card. */
  bound: boolean;
}

function pathMatches(place: Place, path: string): boolean {
  if (!place.path) return true;
  try {
    return new RegExp(place.path.pattern, 'u').test(path);
  } catch {
    return false; // checked at build time; a bad pattern never matches rather than throws
  }
}

const hostOf = (place: Place, host: string) =>
  (typeof place.host === 'string' ? [place.host] : place.host).some((h) => hostMatches(host, h));

export const placeMatches = (place: Place, probe: PageProbe): boolean =>
  hostOf(place, probe.host) && pathMatches(place, probe.path) && place.markers.every((m) => probe.shows(m));

/** The last step (in the guide's order) whose place this page is, and that place. */
export function currentPlace(guide: Guide, probe: PageProbe): { step: Step; place: Place } | null {
  for (let i = guide.steps.length - 1; i >= 0; i--) {
    const step = guide.steps[i]!;
    const place = step.places.find((p) => placeMatches(p, probe));
    if (place) return { step, place };
  }
  return null;
}

export function readPage(guide: Guide, probe: PageProbe): PageReading {
  const any = (places: Place[]) => places.some((p) => placeMatches(p, probe));
  const onList = placeMatches(guide.cardList.place, probe);
  const { empty, card } = guide.cardList;
  return {
    step: currentPlace(guide, probe)?.step.id ?? null,
    registered: any(guide.registered) ? true : any(guide.unregistered) ? false : null,
    cards: onList ? (empty && probe.shows(empty) ? 0 : probe.count(card)) : null,
    bound: any(guide.bound),
  };
}

/**
 * What one tab shows, from the readings of its frames (the top frame's and its iframes', each read in
 * its own document): a site may draw its card list in a frame from another origin. The step is the
 * furthest one any frame is (the same rule as `currentPlace` within one page), so a top page that is
 * only "the way in" never hides the list its frame shows; a card seen in any frame is a card left.
 */
export function combineReadings(guide: Guide, readings: readonly PageReading[]): PageReading {
  const order = (step: string | null) => (step === null ? -1 : guide.steps.findIndex((s) => s.id === step));
  const step = readings.reduce<string | null>((best, r) => (order(r.step) > order(best) ? r.step : best), null);
  const counts = readings.flatMap((r) => (r.cards === null ? [] : [r.cards]));
  const said = readings.flatMap((r) => (r.registered === null ? [] : [r.registered]));
  return {
    step,
    registered: said.includes(true) ? true : said.includes(false) ? false : null,
    cards: counts.length ? Math.max(...counts) : null,
    bound: readings.some((r) => r.bound),
  };
}

/** A person's progress through one guide, kept in storage per guide. */
export interface Progress {
  step: string | null;
  /** Steps the person has been on. */
  reached: string[];
  registered: boolean | null;
  /** Cards on the card list the last time it was seen. */
  cards: number | null;
  /** When the card list was last seen empty (the guide's end), or null. */
  finishedAt: number | null;
  /** When a page last said a card was bound, or null. */
  boundAt: number | null;
  /** The scheme the site was seen on, to open its pages the same way. */
  scheme: 'https:' | 'http:';
}

export const NEW_PROGRESS: Readonly<Progress> = Object.freeze({
  step: null,
  reached: [],
  registered: null,
  cards: null,
  finishedAt: null,
  boundAt: null,
  scheme: 'https:',
});

export function advance(prev: Progress, reading: PageReading, scheme: Progress['scheme'], now: number): Progress {
  // The page says where the person is; a page of the site that is no step (the shop's home, say)
  // puts them back at the way in.
  const next: Progress = { ...prev, reached: [...prev.reached], scheme, step: reading.step };
  if (reading.step && !next.reached.includes(reading.step)) next.reached.push(reading.step);
  if (reading.registered !== null) next.registered = reading.registered;
  if (reading.cards !== null) {
    next.cards = reading.cards;
    // Also the end of the guide when a person reaches the empty list by another way.
    next.finishedAt = reading.cards === 0 ? (prev.finishedAt ?? now) : null;
    if (reading.cards > 0) next.registered = true;
  }
  if (reading.bound) {
    next.boundAt = now;
    next.finishedAt = null;
  }
  return next;
}

export type StepStatus = 'done' | 'current' | 'todo' | 'skipped';

/** Each step's status for the popup's list. */
export function statuses(guide: Guide, p: Progress): StepStatus[] {
  const last = guide.steps.length - 1;
  const at =
    p.finishedAt !== null
      ? last
      : Math.max(
          0,
          guide.steps.findIndex((s) => s.id === p.step),
        );
  return guide.steps.map((s, i) => {
    if (i === at) return p.finishedAt !== null ? 'done' : 'current';
    if (p.reached.includes(s.id)) return 'done';
    if (s.branch === 'unregistered' && p.registered === true) return 'skipped';
    return i < at ? 'done' : 'todo';
  });
}

/** A scheme-relative address ("//host/path") on the scheme the site was seen on. */
export const siteUrl = (relative: string, scheme: Progress['scheme']) => `${scheme}${relative}`;
