// Is this page a directory entry's card page? The top frame's path is checked against the entry's
// card page (on its host, or on any of the entry's hosts when the directory says the path is the same
// on all of them). Pure; only "this place's card page was open on <date>" is kept.
import { known, type SiteEntry } from '../directory/schema.ts';
import { hostMatches, siteOf } from '../shared/hosts.ts';

const trimmed = (path: string) => path.toLowerCase().replace(/\/+$/, '') || '/';

export function isCardPage(entry: SiteEntry, site: string, path: string): boolean {
  const page = known(entry.cardPage);
  if (!page?.startsWith('https://')) return false;
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return false;
  }
  const onHost = hostMatches(site, siteOf(url.hostname)) || (!!entry.cardPageOnEveryHost && entry.hosts.some((h) => hostMatches(site, h)));
  // A card page at the site's root would make every visit to its home page count: not counted.
  const want = trimmed(url.pathname);
  return onHost && want !== '/' && trimmed(path) === want;
}
