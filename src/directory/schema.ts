// The directory of places that keep cards (src/data/sites/*.json, one file per place), validated at
// build time. Every fact carries where it was read and when; a fact nobody could source says so
// (`unknown`) instead of being made up, and the popup shows it as unknown.
import { Source } from '../shared/source.ts';
import { z } from '../shared/zod.ts';

export { Source };

const Host = z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/));

/** A fact with its sources, or why it is not known. */
const fact = <T extends z.ZodMiniType>(value: T) =>
  z.union([z.object({ value, sources: z.array(Source).check(z.minLength(1)) }), z.object({ unknown: z.string().check(z.minLength(3)) })]);

export const Blocker = z.enum(['default-card', 'subscription', 'pending-order', 'balance', 'identity-check', 'app-only']);
export type Blocker = z.infer<typeof Blocker>;

export const SiteEntry = z.object({
  /** The file name without .json. */
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  /** The names people know it by; the first is shown. */
  names: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  kind: z.enum(['marketplace', 'shop', 'wallet', 'travel', 'subscription', 'ride-and-food', 'games-and-software', 'browser']),
  /** Host names it keeps cards under (suffix match: "amazon.de" covers "www.amazon.de"); empty only for a browser. */
  hosts: z.array(Host),
  /** The page that lists the saved cards (an https:// address, or the browser's own settings page). */
  cardPage: fact(z.string().check(z.regex(/^(https:\/\/[a-z0-9.-]+\/|chrome:\/\/|about:)/))),
  /** The card page's path is the same on every host in `hosts` (say so in cardPage's sources): a person
   *  who used amazon.de is sent to amazon.de, not to the address above. */
  cardPageOnEveryHost: z.optional(z.boolean()),
  /** The way there in the site's own words, one item per click ("Accounts & Lists", "Your payments"...). */
  menuPath: fact(z.array(z.string()).check(z.minLength(1))),
  /** Something to set up before a card can be removed (e.g. "an Alipay wallet"), or false. */
  setUpFirst: fact(z.union([z.string(), z.literal(false)])),
  /** What may stop a removal. */
  blockers: fact(z.array(Blocker)),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  /** URL paths (regular expressions on the path) that show the person paid or ordered there: a visit in
   *  the browsing history puts the place on the person's list. */
  paidPaths: fact(z.array(z.string().check(z.minLength(2)))),
  /** The id of the step-by-step guide, when there is one. */
  guide: z.optional(z.string()),
});
export type SiteEntry = z.infer<typeof SiteEntry>;
export type Fact<T> = { value: T; sources: Source[] } | { unknown: string };

/** The value of a fact, or null when it is unknown. */
export const known = <T>(f: Fact<T>): T | null => ('value' in f ? f.value : null);
