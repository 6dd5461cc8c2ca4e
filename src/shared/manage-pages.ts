// Where other sites let a person remove a saved card (src/data/manage-pages.json, from public help
// pages). Validated with zod when read: an entry that does not fit is left out with a warning.
import raw from '../data/manage-pages.json';
import { hostMatches } from './hosts';
import { describeIssues, z } from './zod';

export const ManagePage = z.object({
  name: z.string().check(z.minLength(1)),
  hosts: z.array(z.string().check(z.regex(/^[a-z0-9.-]+$/))).check(z.minLength(1)),
  /** Path on the site's own host (https). */
  url: z.string().check(z.regex(/^\/[^\s]*$/)),
  /** The way there in the site's own words, for when the address changes. */
  path: z.string(),
});
export type ManagePage = z.infer<typeof ManagePage>;

export function readManagePages(data: unknown): { pages: ManagePage[]; problems: string[] } {
  const pages: ManagePage[] = [];
  const problems: string[] = [];
  (Array.isArray(data) ? data : []).forEach((entry, i) => {
    const r = ManagePage.safeParse(entry);
    if (r.success) pages.push(r.data);
    else problems.push(`manage-pages.json[${i}]: ${describeIssues(r.error)}`);
  });
  if (!Array.isArray(data)) problems.push('manage-pages.json: not a list');
  return { pages, problems };
}

const loaded = readManagePages(raw);
for (const p of loaded.problems) console.warn(`[Unbind] ${p}`);

/** The manage-cards page for a site (host without "www."), as an https address, or null. */
export function managePageFor(site: string): { page: ManagePage; href: string } | null {
  const page = loaded.pages.find((p) => p.hosts.some((h) => hostMatches(site, h)));
  return page ? { page, href: `https://${site}${page.url}` } : null;
}
