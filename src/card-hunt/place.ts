// The shape of a place on the person's list ("Where your cards are"), shared by the stored record
// (src/storage/records.ts), the messages that change it and the exported file. Only dates, a site and
// a count: never a card detail, an address or a page.
import { z } from '../shared/zod.ts';

/** A date as milliseconds since 1970 (what Date.now() gives). */
export const Day = z.number().check(z.int(), z.positive(), z.maximum(8.64e15));

/** A place on the list: a directory entry or a guide ("dir:amazon", "dir:aliexpress"), or another
 *  site ("site:shop.example", its host without "www."). */
export const PlaceKey = z.string().check(z.regex(/^(dir:[a-z][a-z0-9-]{0,62}|site:[a-z0-9._-]{1,253})$/));
export type PlaceKey = z.infer<typeof PlaceKey>;

/** A site as Unbind keys it (siteOf in src/shared/hosts.ts): a host name without "www.". */
export const SITE_PATTERN = /^[a-z0-9._-]{1,253}$/;
export const Site = z.string().check(z.regex(SITE_PATTERN));

/** What Unbind knows of one place. Every field is optional; a place with none left is dropped. */
export const Place = z.object({
  /** The person put it on the list ("I have a card at..."). */
  addedAt: z.optional(Day),
  /** The browsing history showed a paid page (a directory entry's paidPaths) or a checkout or order
   *  page (the generic paths): which, on what site, and the last visit. */
  history: z.optional(z.object({ kind: z.enum(['paid', 'checkout']), site: Site, at: Day })),
  /** The place's card page was open in a tab. */
  cardPageAt: z.optional(Day),
  /** Cards seen on the card page: counted there by the guide, or by the person. */
  seen: z.optional(z.object({ cards: z.number().check(z.int(), z.nonnegative(), z.maximum(99)), at: Day, by: z.enum(['page', 'person']) })),
  /** The person marked it "I removed it". */
  removedAt: z.optional(Day),
});
export type Place = z.infer<typeof Place>;

/** True when nothing is known of the place any more. */
export const isEmptyPlace = (p: Place): boolean =>
  p.addedAt === undefined && !p.history && p.cardPageAt === undefined && !p.seen && p.removedAt === undefined;
