// A snapshot's header: <meta> elements in its <head> that say what it is, where it came from and
// when, and what was left out. Validated with zod when a snapshot is read (fixture:add, the checks).
import { describeIssues, z } from '../shared/zod';

export const SNAPSHOT_VERSION = '1';

export const Header = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  host: z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/, 'a host name (letters, digits, dots, dashes)')),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
  /** What the snapshot left out ('none' if nothing). */
  cut: z.string().check(z.maxLength(2000)),
});
export type Header = z.infer<typeof Header>;

const NAMES = {
  version: 'unbind-snapshot',
  host: 'unbind-snapshot-host',
  date: 'unbind-snapshot-date',
  cut: 'unbind-snapshot-cut',
} as const;

const meta = (name: string, content: string) =>
  `<meta name="${name}" content="${content.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`;

/** The header's <meta> elements, and a description a fixture page carries (where it came from). */
export function headerHtml(h: Header): string {
  return [
    meta(NAMES.version, h.version),
    meta(NAMES.host, h.host),
    meta(NAMES.date, h.date),
    meta(NAMES.cut, h.cut),
    meta(
      'description',
      `Snapshot of a page on ${h.host}, taken ${h.date} with Unbind's "Unbind got this page wrong"; each control's data-expect is the tester's.`,
    ),
  ].join('');
}

/** Reads and validates the header of a parsed snapshot: the header, or the problem in words. */
export function readHeader(doc: Document): { ok: true; header: Header } | { ok: false; error: string } {
  const get = (name: string) => doc.head?.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
  if (get(NAMES.version) === undefined) return { ok: false, error: 'no Unbind snapshot header (<meta name="unbind-snapshot">)' };
  const parsed = Header.safeParse({ version: get(NAMES.version), host: get(NAMES.host), date: get(NAMES.date), cut: get(NAMES.cut) });
  return parsed.success ? { ok: true, header: parsed.data } : { ok: false, error: `snapshot header: ${describeIssues(parsed.error)}` };
}

/** The file name a snapshot is saved under: from its host and date. */
export const snapshotFileName = (h: Pick<Header, 'host' | 'date'>): string => `unbind-snapshot-${h.host || 'page'}-${h.date}.html`;

/** A fixture name from the host: `snap-<host>` (dots kept), unique among `taken`. */
export function fixtureName(host: string, taken: ReadonlySet<string>): string {
  const base = `snap-${host.replace(/^www\./, '').replace(/[^a-z0-9.-]/g, '-')}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (!taken.has(name)) return name;
  }
}
