// Looking things up in the directory: by what a person types (a name or a host), and by a host seen
// in a tab or in the browsing history. Pure: the entries are passed in.
import { hostMatches } from '../shared/hosts';
import { known, type SiteEntry } from './schema';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Entries whose name or host contains what was typed; names that start with it come first. */
export function searchSites(entries: readonly SiteEntry[], query: string): SiteEntry[] {
  const q = fold(query)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/^([a-z0-9.-]+\.[a-z]{2,})\/.*$/, '$1');
  if (!q) return [...entries];
  const score = (e: SiteEntry) => {
    const names = e.names.map(fold);
    if (names.some((n) => n.startsWith(q))) return 0;
    if (names.some((n) => n.includes(q))) return 1;
    if (e.hosts.some((h) => h.startsWith(q) || hostMatches(q, h))) return 2;
    if (e.hosts.some((h) => h.includes(q))) return 3;
    return -1;
  };
  return entries
    .map((e) => [e, score(e)] as const)
    .filter(([, s]) => s >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([e]) => e);
}

/** The entry for a host (suffix match, the most specific host wins), or null. */
export function siteForHost(entries: readonly SiteEntry[], host: string): SiteEntry | null {
  let best: SiteEntry | null = null;
  let bestLength = 0;
  for (const e of entries) {
    for (const h of e.hosts) {
      if (hostMatches(host, h) && h.length > bestLength) {
        best = e;
        bestLength = h.length;
      }
    }
  }
  return best;
}

/** The entry's card page for a person who used `host`: on that host when the entry says the path is the
 *  same on every one of its hosts, else as the entry gives it; null when the card page is unknown. */
export function cardPageFor(entry: SiteEntry, host: string): string | null {
  const page = known(entry.cardPage);
  if (!page || !entry.cardPageOnEveryHost || !page.startsWith('https://')) return page;
  const site = host.toLowerCase();
  if (!entry.hosts.some((h) => hostMatches(site, h))) return page;
  const url = new URL(page);
  return `https://${site}${url.pathname}${url.search}${url.hash}`;
}
