// Site guides are data (src/data/guides/*.json), one file per site, validated at build time.
// A guide walks a person from wherever they are to the page that lists the cards a site kept, and
// through removing them. It recognises a page the way a person does: by the real site's host and URL
// path, and by what the page shows (headings, button and link texts, aria-labels) in the languages the
// site is offered in. A CSS selector is used only where it is known from the real site. Every marker,
// path and pointer target names its source. Texts live in _locales under keys made from the ids.
import { Source } from '../shared/source.ts';
import { z } from '../shared/zod.ts';

const Id = z.string().check(z.regex(/^[a-z][a-z0-9]*$/));
const HostSuffix = z.string().check(z.regex(/^[a-z0-9.-]+$/));
/** A key into the guide's `sources`. */
const SourceRef = z.string().check(z.regex(/^[a-z0-9-]+$/));
/** The sources of a text marker or target: one, or one per language where each language's words come
 *  from the site's help in that language; each text must then be quoted by one of them (a meta-test). */
const TextSources = z.union([SourceRef, z.array(SourceRef).check(z.minLength(1))]);
/** What a page shows, in any of the site's languages; matched without regard to case or spacing. */
const Texts = z.array(z.string().check(z.minLength(1), z.maxLength(120))).check(z.minLength(1));

/** Where on the page a text is looked for: any visible text, a heading, something to press (button,
 *  link, menu item, tab; its text, aria-label or title), or the document's title. */
export const TextIn = z.enum(['page', 'heading', 'control', 'title']);
export type TextIn = z.infer<typeof TextIn>;

/** Something a page shows. `dialog`: only inside an open dialog. */
export const Marker = z.union([
  z.object({ text: Texts, in: z.optional(TextIn), dialog: z.optional(z.boolean()), source: TextSources }),
  z.object({ css: z.string().check(z.minLength(1)), source: SourceRef }),
]);
export type Marker = z.infer<typeof Marker>;

/** What to point at: a control found by its text (or a sourced selector). */
export const Target = z.union([
  z.object({
    text: Texts,
    in: z.optional(TextIn),
    dialog: z.optional(z.boolean()),
    /** Rows (list items, table rows) that show one of these texts go last: e.g. the default card,
     *  which the site removes only when it is the last one. */
    rowLast: z.optional(Texts),
    source: TextSources,
  }),
  z.object({ css: z.string().check(z.minLength(1)), source: SourceRef }),
]);
export type Target = z.infer<typeof Target>;

/** A place on a site: a host (suffix match; or a list of them, e.g. a shop's country domains, any of which
 *  will do), optionally a URL path, and what the page shows. */
export const Place = z.object({
  host: z.union([HostSuffix, z.array(HostSuffix).check(z.minLength(1))]),
  /** A regular expression on the URL path (and query), from the real site. */
  path: z.optional(z.object({ pattern: z.string().check(z.minLength(1)), source: SourceRef })),
  /** Every marker must be on the page. */
  markers: z.array(Marker),
  /** What to point at here: the first one on the page that a person can see wins. A control that
   *  shows only on hover is pointed at through its row, and the label says to hover. */
  point: z.optional(z.array(Target).check(z.minLength(1))),
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
  hosts: z.array(HostSuffix).check(z.minLength(1)),
  /** The folder in fixtures/sites/ that models these sites, and so must exist. */
  fixture: z.string(),
  /** Where a person manages the cards (for "Where your cards are"), scheme-relative. */
  manage: z.string().check(z.regex(/^\/\/[a-z0-9.-]+\//)),
  /** Every source the markers, paths and targets cite, by key. */
  sources: z.record(SourceRef, Source),
  /** Pages that settle whether the wallet or account the removal needs is set up. */
  registered: z.array(Place),
  unregistered: z.array(Place),
  steps: z.array(Step).check(z.minLength(2)),
  /** The final check: the card list, what counts as one card on it, and what "no card" looks like.
   *  `empty` only where a source gives the site's own words for it; without them, no card counted on
   *  the list is the end. */
  cardList: z.object({ place: Place, card: Target, empty: z.optional(Marker) }),
  /** Pages that say the site has just bound (stored) a card, e.g. a payment confirmation. */
  bound: z.array(Place),
  /** The site's own save boxes at checkout, by a selector known from the real site: the guard treats
   *  them as save boxes whatever their label says. */
  checkout: z.optional(z.object({ hosts: z.array(HostSuffix), saveBoxes: z.array(z.object({ css: z.string(), source: SourceRef })) })),
});
export type Guide = z.infer<typeof Guide>;

/** The source keys a marker, target or path cites. */
export const sourcesOf = (c: { source: string | readonly string[] }): readonly string[] =>
  typeof c.source === 'string' ? [c.source] : c.source;

/** The _locales key of a guide text: guide_<guide>_<step>_<part>. */
export const guideKey = (guide: string, step: string, part: 'title' | 'do') => `guide_${guide}_${step}_${part}`;

export { hostMatches } from '../shared/hosts.ts';
