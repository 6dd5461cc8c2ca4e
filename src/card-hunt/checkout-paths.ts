// The generic checkout and order paths (src/data/checkout-paths.json): how a visit in the browsing
// history to a shop the directory does not know shows that the person may have paid there. Validated
// with zod at build time (scripts/data.ts) and when read; a pattern that does not compile is a problem.
import { describeIssues, z } from '../shared/zod.ts';

const compiles = (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};
const Pattern = z.string().check(z.minLength(2), z.refine(compiles, { message: 'not a regular expression' }));

export const CheckoutPaths = z.object({
  about: z.optional(z.string()),
  paths: z
    .array(
      z.object({
        /** A regular expression on the URL's path, in lower case. */
        pattern: Pattern,
        /** What such a page is, for people reading the file. */
        shows: z.string().check(z.minLength(3)),
        /** Paths it must match (a unit test checks). */
        examples: z.array(z.string().check(z.regex(/^\//))).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
  /** Paths no pattern may match (a unit test checks). */
  never: z.array(z.string().check(z.regex(/^\//))),
});
export type CheckoutPaths = z.infer<typeof CheckoutPaths>;

/** The file's patterns as regular expressions, or what is wrong with it. */
export function readCheckoutPaths(raw: unknown): { patterns: RegExp[]; problems: string[] } {
  const r = CheckoutPaths.safeParse(raw);
  if (!r.success) return { patterns: [], problems: [`checkout-paths.json: ${describeIssues(r.error)}`] };
  return { patterns: r.data.paths.map((p) => new RegExp(p.pattern)), problems: [] };
}

/** True when a URL path is a checkout or order page by one of the patterns. */
export const isCheckoutPath = (patterns: readonly RegExp[], path: string): boolean => {
  const p = path.toLowerCase();
  return patterns.some((re) => re.test(p));
};
