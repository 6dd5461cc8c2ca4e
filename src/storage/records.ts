// Every record Unbind stores, declared once: key, area, shape (zod), initial value, version and how a
// damaged or older value is read. Reads go through store.ts, writes through writer.ts (background
// only). Nothing here is card data: sites, box labels, counts and dates.
import type { Progress } from '../guide/engine';
import { Day, Place, PlaceKey } from '../card-hunt/place';
import { PageReading, TabBox } from '../shared/messages';
import { siteOf } from '../shared/hosts';
import { z } from '../shared/zod';
import type { StoredRecord } from './store';

const Site = z.string().check(z.maxLength(253));
const Text = z.string().check(z.maxLength(300));
const asObject = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};

/** The entries of a map that still parse, one by one: one bad entry does not cost the others. */
function goodEntries<V>(raw: unknown, entry: z.ZodMiniType<V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(asObject(raw))) {
    const r = entry.safeParse(v);
    if (r.success) out[k] = r.data;
  }
  return out;
}

// ---- settings (local): the guard switch and the allowed sites ------------------------------------

export const Settings = z.object({
  version: z.literal(1),
  /** The checkout guard as a whole. */
  guardEnabled: z.boolean(),
  /** Allowed sites (host names without "www."): their save boxes are left as the site sets them. */
  allowList: z.array(Site),
});
export type Settings = z.infer<typeof Settings>;

export const settings: StoredRecord<Settings> = {
  key: 'settings',
  area: 'local',
  version: 1,
  schema: Settings,
  initial: () => ({ version: 1, guardEnabled: true, allowList: [] }),
  repair(raw) {
    const obj = asObject(raw);
    const guard = z.boolean().safeParse(obj.guardEnabled);
    const allow = z.array(z.string()).safeParse(obj.allowList);
    return {
      version: 1,
      guardEnabled: guard.success ? guard.data : true,
      allowList: allow.success ? allow.data.map(siteOf).filter(Boolean) : [],
    };
  },
};

// ---- guide progress (local): one entry per guide ------------------------------------------------

const Stamp = z.nullable(z.number());
const ProgressSchema: z.ZodMiniType<Progress> = z.object({
  step: z.nullable(z.string()),
  reached: z.array(z.string()),
  registered: z.nullable(z.boolean()),
  cards: z.nullable(z.number().check(z.int(), z.nonnegative())),
  finishedAt: Stamp,
  boundAt: Stamp,
  scheme: z.enum(['https:', 'http:']),
});

export const GuideProgress = z.object({ version: z.literal(1), byGuide: z.record(z.string(), ProgressSchema) });
export type GuideProgress = z.infer<typeof GuideProgress>;

export const guideProgress: StoredRecord<GuideProgress> = {
  key: 'guides',
  area: 'local',
  version: 1,
  schema: GuideProgress,
  initial: () => ({ version: 1, byGuide: {} }),
  // A guide whose progress is damaged starts over; the others keep theirs.
  repair: (raw) => ({ version: 1, byGuide: goodEntries(asObject(raw).byGuide, ProgressSchema) }),
};

// ---- sites where a save box was left ticked (local) ---------------------------------------------

export const LeftTickedSite = z.object({ at: z.number(), label: Text });
export const LeftTicked = z.object({ version: z.literal(1), sites: z.record(Site, LeftTickedSite) });
export type LeftTicked = z.infer<typeof LeftTicked>;

export const leftTicked: StoredRecord<LeftTicked> = {
  key: 'leftTicked',
  area: 'local',
  version: 1,
  schema: LeftTicked,
  initial: () => ({ version: 1, sites: {} }),
  repair: (raw) => ({ version: 1, sites: goodEntries(asObject(raw).sites, LeftTickedSite) }),
};

// ---- where the person's cards are: the places on their list (local) -----------------------------

export { Place, PlaceKey };
export const CardPlaces = z.object({
  version: z.literal(1),
  places: z.record(PlaceKey, Place),
  /** When the browsing history was last looked through (at the person's request), or null. */
  historyAt: z.nullable(Day),
});
export type CardPlaces = z.infer<typeof CardPlaces>;

export const cardPlaces: StoredRecord<CardPlaces> = {
  key: 'cardPlaces',
  area: 'local',
  version: 1,
  schema: CardPlaces,
  initial: () => ({ version: 1, places: {}, historyAt: null }),
  // A damaged place is dropped (and only it); a damaged date of the last look is forgotten.
  repair(raw) {
    const obj = asObject(raw);
    const places: Record<string, Place> = {};
    for (const [k, v] of Object.entries(goodEntries(obj.places, Place))) if (PlaceKey.safeParse(k).success) places[k] = v;
    const at = z.nullable(Day).safeParse(obj.historyAt);
    return { version: 1, places, historyAt: at.success ? at.data : null };
  },
};

// ---- each tab's boxes (session: gone when the browser closes) ------------------------------------

/** What the guide script in one of the tab's frames read last: the background combines a tab's
 *  frames, since a site may show its card list in a frame from another origin. */
export const FrameReading = z.object({
  frameId: z.number().check(z.int()),
  guide: z.string().check(z.maxLength(40)),
  reading: PageReading,
});
export type FrameReading = z.infer<typeof FrameReading>;
/** The most frames of one tab whose readings are kept (a page rarely has more than a few of a guide's site). */
export const MAX_FRAME_READINGS = 16;

/** `guide` is absent until a guide script reports; the top frame's new page starts it over, with the boxes. */
export const TabRecord = z.object({
  version: z.literal(1),
  site: Site,
  boxes: z.array(TabBox),
  guide: z.optional(z.array(FrameReading).check(z.maxLength(MAX_FRAME_READINGS))),
});
export type TabRecord = z.infer<typeof TabRecord>;

/** One record per tab, so a restarted service worker still knows what each tab's frames reported. */
export const tabRecord = (tabId: number): StoredRecord<TabRecord> => ({
  key: `tab:${tabId}`,
  area: 'session',
  version: 1,
  schema: TabRecord,
  initial: () => ({ version: 1, site: '', boxes: [] }),
  repair: () => null,
});

/** The local records the background checks at start-up and on every change. */
export const LOCAL_RECORDS = [settings, guideProgress, leftTicked, cardPlaces] as const;
