// The person's list as a file: exported from the popup as JSON, imported back (on this or another
// browser). The file is checked in full before anything changes: a file that does not parse, or is not
// an Unbind list, changes nothing and says why. An import is merged in: for each fact the later date
// wins, so importing a file twice, or an older file, loses nothing.
import { describeIssues, z } from '../shared/zod.ts';
import { Day, isEmptyPlace, Place, PlaceKey, Site, SITE_PATTERN } from './place.ts';

export const FILE_FORMAT = 'unbind-card-places';
/** Larger than any honest list (a few hundred places): a bigger file is refused before parsing. */
export const MAX_FILE_BYTES = 512 * 1024;
const MAX_PLACES = 2000;

const LeftTickedSite = z.object({ at: Day, label: z.string().check(z.maxLength(300)) });

export const PlacesFile = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().check(z.maxLength(40)),
  places: z.record(PlaceKey, Place).check(z.refine((p) => Object.keys(p).length <= MAX_PLACES, `more than ${MAX_PLACES} places`)),
  /** Sites where a save box was left ticked (site, the box's label, the date). */
  leftTicked: z.record(Site, LeftTickedSite),
});
export type PlacesFile = z.infer<typeof PlacesFile>;

/** The file for the stored list (a left-ticked site that is no plain host name stays out of it). */
export function exportFile(places: Record<string, Place>, leftTicked: PlacesFile['leftTicked'], now: number): PlacesFile {
  const sites = Object.fromEntries(Object.entries(leftTicked).filter(([site]) => SITE_PATTERN.test(site)));
  return { format: FILE_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), places, leftTicked: sites };
}

export type ImportError =
  | { kind: 'too-big' }
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-a-list' }
  | { kind: 'newer'; version: unknown }
  | { kind: 'invalid'; detail: string };

/** Reads a file's text: the list, or why it is not one. */
export function parseFile(text: string): { ok: true; file: PlacesFile } | { ok: false; error: ImportError } {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { kind: 'too-big' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { kind: 'not-json', detail: (e as Error).message.slice(0, 200) } };
  }
  const obj = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!obj || obj.format !== FILE_FORMAT) return { ok: false, error: { kind: 'not-a-list' } };
  if (obj.version !== 1) return { ok: false, error: { kind: 'newer', version: obj.version } };
  const r = PlacesFile.safeParse(raw);
  if (!r.success) return { ok: false, error: { kind: 'invalid', detail: describeIssues(r.error).slice(0, 300) } };
  return { ok: true, file: r.data };
}

const later = <T extends { at: number }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : b.at > a.at ? b : a);
const laterDay = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const earlierDay = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** One place from two sources: each fact at its latest date (the person added it at the earliest). */
export function mergePlace(a: Place | undefined, b: Place | undefined): Place {
  const out: Place = {};
  const added = earlierDay(a?.addedAt, b?.addedAt);
  const history = later(a?.history, b?.history);
  const cardPageAt = laterDay(a?.cardPageAt, b?.cardPageAt);
  const seen = later(a?.seen, b?.seen);
  const removedAt = laterDay(a?.removedAt, b?.removedAt);
  if (added !== undefined) out.addedAt = added;
  if (history) out.history = history;
  if (cardPageAt !== undefined) out.cardPageAt = cardPageAt;
  if (seen) out.seen = seen;
  if (removedAt !== undefined) out.removedAt = removedAt;
  return out;
}

export function mergePlaces(current: Record<string, Place>, incoming: Record<string, Place>): Record<string, Place> {
  const out: Record<string, Place> = { ...current };
  for (const [key, place] of Object.entries(incoming)) {
    const merged = mergePlace(current[key], place);
    if (!isEmptyPlace(merged)) out[key] = merged;
  }
  return out;
}

export function mergeLeftTicked(current: PlacesFile['leftTicked'], incoming: PlacesFile['leftTicked']): PlacesFile['leftTicked'] {
  const out = { ...current };
  for (const [site, entry] of Object.entries(incoming)) out[site] = later(current[site], entry)!;
  return out;
}
