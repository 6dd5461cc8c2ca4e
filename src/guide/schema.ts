// Site guides are data (src/data/guides/*.json), one file per site, validated at build time.
// A guide walks a person from wherever they are to the page that lists the cards a site kept, and
// through removing them. Texts live in _locales under keys made from the ids (see guideKey).
import { z } from '../shared/zod.ts';

const Id = z.string().check(z.regex(/^[a-z][a-z0-9]*$/));
/** CSS selectors, tried in order: the first one on the page (and, for `point`, visible) wins. */
const Selectors = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

/** A place on a site: a host (suffix match) and elements that must be on the page. */
export const Place = z.object({
  host: z.string().check(z.regex(/^[a-z0-9.-]+$/)),
  /** Every selector here must match something on the page. */
  markers: Selectors,
  /** What to point at here (first visible one). Omitted: nothing to point at, the text says it all. */
  point: z.optional(Selectors),
});
export type Place = z.infer<typeof Place>;

export const Step = z.object({
  id: Id,
  /** Only needed on one branch: e.g. wallet registration only when the wallet is not registered. */
  branch: z.optional(z.enum(['unregistered'])),
  /** The person is on this step when the page is one of these places. */
  places: z.array(Place).check(z.minLength(1)),
  /** A page the popup can open for this step (scheme-relative: the site's own scheme is used). */
  open: z.optional(z.string().check(z.regex(/^\/\/[a-z0-9.-]+\//))),
});
export type Step = z.infer<typeof Step>;

export const Guide = z.object({
  id: Id,
  /** Shown in the popup (a proper name, not translated). */
  name: z.string(),
  /** Sites the guide runs on (host suffixes). */
  hosts: z.array(z.string().check(z.regex(/^[a-z0-9.-]+$/))).check(z.minLength(1)),
  /** The folder in fixtures/sites/ that models these sites, and so must exist. */
  fixture: z.string(),
  /** Where a person manages the cards (for "Where your cards are"), scheme-relative. */
  manage: z.string().check(z.regex(/^\/\/[a-z0-9.-]+\//)),
  /** Markers that show the branch: seen on a page, they settle whether the wallet is registered. */
  registeredMarkers: z.array(z.string()),
  unregisteredMarkers: z.array(z.string()),
  steps: z.array(Step).check(z.minLength(2)),
  /** The final check: a page where the card list is, with what a card row and "no card" look like. */
  cardList: z.object({ place: Place, card: z.string(), empty: z.string() }),
  /** A page that says a card was just bound or saved (e.g. a payment confirmation). */
  boundMarkers: z.array(Place),
  /** The site's checkout rule: save boxes the generic detection must always treat as such. */
  checkout: z.object({ hosts: z.array(z.string()), saveBoxes: z.array(z.string()) }),
});
export type Guide = z.infer<typeof Guide>;

/** The _locales key of a guide text: guide_<guide>_<step>_<part>. */
export const guideKey = (guide: string, step: string, part: 'title' | 'do') => `guide_${guide}_${step}_${part}`;

export { hostMatches } from '../shared/hosts.ts';
