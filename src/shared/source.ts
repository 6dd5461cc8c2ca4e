// Where a fact was read, shared by the directory and the guides: every host, path, label or selector
// that Unbind relies on names its source and the day it was read.
import { z } from './zod.ts';

export const Source = z.object({
  /** https://... for a public page; `<owner>/<repo>/<path>` for public code; `seed:<file>` for the
   *  user's document; `screenshot:<url>` for the description of a public screenshot. */
  ref: z.string().check(z.minLength(3)),
  kind: z.enum(['official-help', 'third-party', 'public-code', 'browser-source', 'seed', 'screenshot']),
  /** The day it was read. */
  read: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** What the source says, briefly, in its own terms: a label, a path, a rule, an id. A guide's CSS
   *  selector may only use the ids, classes and attributes quoted here (see test/unit/guides.test.ts). */
  says: z.optional(z.string().check(z.maxLength(1200))),
});
export type Source = z.infer<typeof Source>;
