// Looking through the browsing history for places that may keep the person's card. Pure: the
// background reads the history (only when the person asked, with the optional `history` permission)
// and passes the visits in; what comes out is a place, a kind, a site and the last visit date, and
// nothing else of the history is kept.
import { known, type SiteEntry } from '../directory/schema.ts';
import { siteForHost } from '../directory/search.ts';
import type { Guide } from '../guide/schema.ts';
import { hostMatches, siteOf } from '../shared/hosts.ts';
import { isCheckoutPath } from './checkout-paths.ts';
import { SITE_PATTERN, type Place, type PlaceKey } from './place.ts';

/** How far back, and how many pages at most, the history is read. */
export const HISTORY_DAYS = 365;
export const HISTORY_MAX_RESULTS = 10_000;
/** Words searched for on their own too, so checkout pages older than the newest 10,000 pages count. */
export const HISTORY_WORDS = ['checkout', 'order', 'thank'] as const;
/** At most this many places from one look (the most recent). */
export const MAX_FOUND = 500;

/** A page in the browsing history: its address and its last visit (chrome.history.HistoryItem). */
export interface HistoryPage {
  url?: string;
  lastVisitTime?: number;
}

export interface Found {
  place: PlaceKey;
  /** 'paid': a directory entry's own paid-or-ordered pages; 'checkout': a generic checkout or order page. */
  kind: 'paid' | 'checkout';
  site: string;
  at: number;
}

export interface Known {
  entries: readonly SiteEntry[];
  guides: readonly Guide[];
  /** The generic checkout and order paths (src/data/checkout-paths.json). */
  checkout: readonly RegExp[];
}

/** The place a site belongs to: its directory entry; the guide that covers it (under the directory
 *  entry that names the guide, if any); or the site itself. */
export function placeForSite(site: string, entries: readonly SiteEntry[], guides: readonly Guide[]): PlaceKey {
  const entry = siteForHost(entries, site);
  if (entry) return `dir:${entry.id}`;
  const guide = guides.find((g) => g.hosts.some((h) => hostMatches(site, h)));
  if (guide) return `dir:${(entries.find((e) => e.guide === guide.id) ?? guide).id}`;
  return `site:${site}`;
}

const compiled = new WeakMap<SiteEntry, RegExp[]>();
/** An entry's paid paths as regular expressions (one that does not compile is left out). */
function paidPaths(entry: SiteEntry): RegExp[] {
  let list = compiled.get(entry);
  if (!list) {
    list = (known(entry.paidPaths) ?? []).flatMap((p) => {
      try {
        return [new RegExp(p)];
      } catch {
        return [];
      }
    });
    compiled.set(entry, list);
  }
  return list;
}

/** What one page of the history shows, if anything. */
export function matchPage(page: HistoryPage, k: Known): Found | null {
  let url: URL;
  try {
    url = new URL(page.url ?? '');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const site = siteOf(url.hostname);
  const at = Math.round(page.lastVisitTime ?? 0);
  if (!SITE_PATTERN.test(site) || !(at > 0)) return null;
  const place = placeForSite(site, k.entries, k.guides);
  const entry = place.startsWith('dir:') ? k.entries.find((e) => `dir:${e.id}` === place) : undefined;
  if (entry && paidPaths(entry).some((re) => re.test(url.pathname))) return { place, kind: 'paid', site, at };
  if (isCheckoutPath(k.checkout, url.pathname)) return { place, kind: 'checkout', site, at };
  return null;
}

/** The places the history shows, one per place: a paid page over a checkout page, then the latest
 *  visit. At most MAX_FOUND, the most recent first. */
export function matchHistory(pages: Iterable<HistoryPage>, k: Known): Found[] {
  const best = new Map<PlaceKey, Found>();
  for (const page of pages) {
    const f = matchPage(page, k);
    if (!f) continue;
    const old = best.get(f.place);
    const better = !old || (f.kind === 'paid' && old.kind === 'checkout') || (f.kind === old.kind && f.at > old.at);
    if (better) best.set(f.place, f);
  }
  return [...best.values()].sort((a, b) => b.at - a.at).slice(0, MAX_FOUND);
}

/** The list with what the history showed: each place's history fact replaced by a newer or stronger
 *  one; a place the history no longer shows keeps what an earlier look found. */
export function withFound(places: Record<string, Place>, found: readonly Found[]): Record<string, Place> {
  const out = { ...places };
  for (const f of found) {
    const old = out[f.place]?.history;
    const keep = old && ((old.kind === 'paid' && f.kind === 'checkout') || (old.kind === f.kind && old.at >= f.at));
    if (!keep) out[f.place] = { ...out[f.place], history: { kind: f.kind, site: f.site, at: f.at } };
  }
  return out;
}

/** The list without anything the history showed; a place nothing else put there goes. */
export function withoutHistory(places: Record<string, Place>): Record<string, Place> {
  const out: Record<string, Place> = {};
  for (const [key, p] of Object.entries(places)) {
    const { history: _, ...rest } = p;
    if (Object.keys(rest).length) out[key] = rest;
  }
  return out;
}
