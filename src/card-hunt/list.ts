// "Where your cards are" as the person works through it: every place Unbind knows may keep their card
// (from what it saw, from the browsing history when asked, from the person), why it is on the list,
// and its state. Pure: the popup passes the stored records, the directory and the guides in.
import { known, type SiteEntry } from '../directory/schema.ts';
import { cardPageFor } from '../directory/search.ts';
import { siteUrl, type Progress } from '../guide/engine.ts';
import type { Guide } from '../guide/schema.ts';
import { placeForSite } from './history.ts';
import { mergePlace } from './transfer.ts';
import type { Place, PlaceKey } from './place.ts';

/** Why a place is on the list. */
export type Reason =
  | { kind: 'left-ticked'; at: number; site: string }
  | { kind: 'bound'; at: number }
  | { kind: 'paid'; at: number; site: string }
  | { kind: 'checkout'; at: number; site: string }
  | { kind: 'added'; at: number }
  | { kind: 'card-page'; at: number };

/** What the person sees and can change: not checked yet, N cards seen, none left, removed by me. */
export type PlaceState =
  | { kind: 'unchecked' }
  | { kind: 'cards'; cards: number; at: number | null; by: 'page' | 'person' }
  | { kind: 'none-left'; at: number | null; by: 'page' | 'person' }
  | { kind: 'removed'; at: number };

export interface PlaceView {
  key: PlaceKey;
  name: string;
  entry: SiteEntry | null;
  guide: Guide | null;
  /** The sites the person was seen using for it, the latest first. */
  sites: string[];
  /** The newest first. */
  reasons: Reason[];
  state: PlaceState;
  /** The card page, on the site the person used where the directory says the path is the same. */
  cardPage: string | null;
  /** The way to the card page in the site's own words. */
  menuPath: string[] | null;
  /** The count comes from the person (no guide counts it on the card page). */
  countByPerson: boolean;
  /** The latest date of anything known about it. */
  latest: number;
}

export interface ListInput {
  places: Record<string, Place>;
  leftTicked: Record<string, { at: number; label: string }>;
  progress: Record<string, Progress>;
  entries: readonly SiteEntry[];
  guides: readonly Guide[];
}

/** The state from the facts: the latest of a count and "I removed it" wins; a card kept after "none
 *  left" or "removed" (a box left ticked, a page that said a card was bound) puts it back to "not
 *  checked yet". A guide's progress stands in for a count it made before counts were dated. */
export function placeState(place: Place | undefined, progress: Progress | undefined, reasons: readonly Reason[]): PlaceState {
  const seen =
    place?.seen ??
    (progress && progress.cards !== null
      ? { cards: progress.cards, at: progress.cards === 0 ? progress.finishedAt : null, by: 'page' as const }
      : undefined);
  const removedAt = place?.removedAt;
  let state: PlaceState = { kind: 'unchecked' };
  if (removedAt !== undefined && (!seen || seen.at === null || removedAt >= seen.at)) state = { kind: 'removed', at: removedAt };
  else if (seen) state = seen.cards === 0 ? { kind: 'none-left', at: seen.at, by: seen.by } : { kind: 'cards', ...seen };
  if (state.kind === 'removed' || state.kind === 'none-left') {
    const kept = Math.max(0, ...reasons.filter((r) => r.kind === 'left-ticked' || r.kind === 'bound').map((r) => r.at));
    if (state.at !== null && kept > state.at) return { kind: 'unchecked' };
  }
  return state;
}

const DONE = new Set<PlaceState['kind']>(['none-left', 'removed']);

export function buildList(input: ListInput): PlaceView[] {
  const { entries, guides } = input;
  const guideKey = (g: Guide): PlaceKey => `dir:${(entries.find((e) => e.guide === g.id) ?? g).id}`;
  /** A stored key under the name it has now: a guide's place moves to the directory entry that names it. */
  const canonical = (key: string): PlaceKey => {
    const id = key.startsWith('dir:') ? key.slice(4) : null;
    if (id && !entries.some((e) => e.id === id)) {
      const named = entries.find((e) => e.guide === id);
      if (named) return `dir:${named.id}`;
    }
    return key as PlaceKey;
  };

  const places = new Map<PlaceKey, Place>();
  for (const [key, p] of Object.entries(input.places)) {
    const k = canonical(key);
    places.set(k, places.has(k) ? mergePlace(places.get(k), p) : p);
  }
  const reasons = new Map<PlaceKey, Reason[]>();
  const sites = new Map<PlaceKey, { site: string; at: number }[]>();
  const add = (key: PlaceKey, r: Reason) => {
    reasons.set(key, [...(reasons.get(key) ?? []), r]);
    if ('site' in r) sites.set(key, [...(sites.get(key) ?? []), { site: r.site, at: r.at }]);
  };
  for (const [site, l] of Object.entries(input.leftTicked))
    add(placeForSite(site, entries, guides), { kind: 'left-ticked', at: l.at, site });
  const progressOf = new Map<PlaceKey, Progress>();
  for (const g of guides) {
    const p = input.progress[g.id];
    if (!p) continue;
    progressOf.set(guideKey(g), p);
    if (p.boundAt !== null) add(guideKey(g), { kind: 'bound', at: p.boundAt });
    else if (p.cards !== null && !reasons.has(guideKey(g))) reasons.set(guideKey(g), []);
  }
  for (const [key, p] of places) {
    if (p.history) add(key, { kind: p.history.kind, at: p.history.at, site: p.history.site });
    if (p.addedAt !== undefined) add(key, { kind: 'added', at: p.addedAt });
    if (p.cardPageAt !== undefined) add(key, { kind: 'card-page', at: p.cardPageAt });
    if (!reasons.has(key)) reasons.set(key, []);
  }

  const views: PlaceView[] = [];
  for (const [key, rs] of reasons) {
    const id = key.startsWith('dir:') ? key.slice(4) : null;
    const entry = id ? (entries.find((e) => e.id === id) ?? null) : null;
    const guide = (entry?.guide ? guides.find((g) => g.id === entry.guide) : id ? guides.find((g) => g.id === id) : undefined) ?? null;
    const place = places.get(key);
    const progress = progressOf.get(key);
    rs.sort((a, b) => b.at - a.at);
    const used = [...new Set((sites.get(key) ?? []).sort((a, b) => b.at - a.at).map((s) => s.site))];
    const state = placeState(place, progress, rs);
    const stateAt = state.kind === 'unchecked' ? 0 : (state.at ?? 0);
    // The directory's card page; else the guide's way to it.
    const cardPage = (entry && cardPageFor(entry, used[0] ?? '')) ?? (guide ? siteUrl(guide.manage, progress?.scheme ?? 'https:') : null);
    views.push({
      key,
      name: entry?.names[0] ?? guide?.name ?? key.replace(/^(dir|site):/, ''),
      entry,
      guide,
      sites: used,
      reasons: rs,
      state,
      cardPage,
      menuPath: entry ? known(entry.menuPath) : null,
      countByPerson: !guide,
      latest: Math.max(stateAt, progress?.boundAt ?? 0, ...rs.map((r) => r.at)),
    });
  }
  return views.sort((a, b) => Number(DONE.has(a.state.kind)) - Number(DONE.has(b.state.kind)) || b.latest - a.latest);
}
