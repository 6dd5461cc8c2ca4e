// Language tables are data (src/data/lang/*.json), checked against this schema at build time
// (scripts/data.ts): a table or pattern that fails stops the build, naming the file and field.
import { describeIssues, z } from '../shared/zod.ts';
import { LOOK_ALIKES, type LookAlike, REGEX_FLAGS } from './patterns.ts';

export { LOOK_ALIKES, type LookAlike, REGEX_FLAGS };
import { compactShorthand, expandShorthand, usesShorthand } from './shorthand.ts';

/** Regular-expression sources, matched with REGEX_FLAGS against normalised text (lower case, NFKC,
 *  single spaces, straight apostrophes), so patterns are written in lower case. No `\b` outside ASCII
 *  words: JavaScript's \b only knows [a-z0-9_]; a table with `letters` writes `\<word\>` instead
 *  (see shorthand.ts). */
const Patterns = /* @__PURE__ */ z.array(/* @__PURE__ */ z.string().check(z.minLength(1)));

export const LanguageTableSchema = /* @__PURE__ */ z.object({
  /** BCP 47 language code, e.g. "en", "pt". */
  lang: /* @__PURE__ */ z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)),
  /** The language's lower-case letters as the body of a character class ("a-zåäö"): what the
   *  shorthand `\<` `\>` `\l` expands with. Optional; a table without it writes lookarounds out. */
  /** Where the wording was read: a public localisation file or page, and the day. */
  sources: z.optional(z.array(z.string())),
  letters: z.optional(z.string().check(z.regex(/^(?:[^\]\\[]|\\.)+$/))),
  /** Verbs or phrases that mean "keep for later use": save, remember, store, bind, link... */
  save: Patterns,
  /** What is kept: card, card details, payment method, payment details... */
  card: Patterns,
  /** Whole phrases that mean "keep my card" on their own ("use this card for future payments"). */
  phrases: Patterns,
  /** Phrases that mean it only on a page with card fields ("save my info for faster checkout"). */
  weak: Patterns,
  /** Opt-out wording: a tick here means "do NOT keep" ("don't save my card"). Never untick these. */
  optOut: Patterns,
  /** Instructions that make negated wording opt-in again ("uncheck if you do not want ..."). */
  instruction: Patterns,
  /** Look-alikes that are never a save-card consent, by kind: authorisation, terms, newsletter,
   *  sign-in, remember-me, address, account, gift, save-for-later, saved-card, row-select, loyalty-card,
   *  offer. A table lists the kinds it has. (A `remember-me` inside the card form is read as a save
   *  consent: see classify.) */
  never: z.partialRecord(z.enum(LOOK_ALIKES), Patterns, {
    // A kind outside the closed set (zod reports it as unrecognized keys): name it and the kinds there are.
    error: (iss) => {
      const keys = (iss as { keys?: string[] }).keys;
      return keys && `unknown kind ${keys.join(', ')} (kinds: ${LOOK_ALIKES.join(', ')})`;
    },
  }),
  /** What a shop's final button says ("Pay now", "Place order"): the notice keeps off that button.
   *  Read from a button's short text, and a match only moves the notice, so plain words will do. */
  payButton: Patterns,
  /** Labels from real checkouts, checked by the unit tests: `match` must be detected, `noMatch` not. */
  examples: z.object({
    match: z.array(z.string()),
    /** Never detected, with or without card fields on the page. */
    noMatch: z.array(z.string()),
    /** Weak phrases: detected only with card fields on the page. */
    matchWithCardFields: z.optional(z.array(z.string())),
    /** Final-button texts that `payButton` must match. */
    payButton: z.array(z.string()),
    /** Opt-out wording that must be read as `negated` (never unticked), not merely as no save box. */
    negated: z.optional(z.array(z.string())),
    /** Look-alikes that must be read as that very kind. */
    lookAlikes: z.optional(z.partialRecord(z.enum(LOOK_ALIKES), z.array(z.string()))),
  }),
});
export type LanguageTable = z.infer<typeof LanguageTableSchema>;

/** Attribute and structure signals that do not depend on language (src/data/signals.json). */
export const SignalsSchema = /* @__PURE__ */ z.object({
  /** Matched against the control's naming attributes and value (see attrsOf in facts.ts). */
  attrSave: Patterns,
  attrNever: Patterns,
  /** CSS selectors for card fields and payment frames: their presence makes a payment context. */
  cardFieldSelectors: z.array(z.string()),
  /** Host names of payment providers' frames (Stripe, Adyen, Braintree...): inside them the whole
   *  document is a payment context. */
  paymentFrameHosts: Patterns,
});
export type Signals = z.infer<typeof SignalsSchema>;

/** Upper-case letters outside escapes (\b, \p{..}, \u0640) would never match lower-cased text. */
const hasUpperCase = (src: string) => {
  const bare = src.replace(/\\(u\{[^}]*\}|u[0-9a-fA-F]{4}|[pP]\{[^}]*\}|.)/g, '');
  return bare !== bare.toLowerCase();
};

const CATEGORIES = ['save', 'card', 'phrases', 'weak', 'optOut', 'instruction', 'never', 'payButton'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories the guard reads. `payButton` ships apart, in the notice's script (PayButtonData). */
export type GuardCategory = Exclude<Category, 'payButton'>;

/** What ships in the content script: patterns per category, examples left out. */
export interface CompiledData {
  languages: string[];
  /** Each language's `letters` ('' when its table has none), in `languages` order. */
  letters: string[];
  /** Per category, one list per language in `languages` order, each table's patterns in its own order
   *  and still in shorthand (the lexicon expands it: the short form is what ships). For `never` the
   *  order matters: the one regex that tests every look-alike ran about a quarter faster so than with
   *  them grouped by kind. */
  patterns: Record<Category, string[][]>;
  /** The kind of each `never` pattern (all languages' lists one after another), one character each:
   *  its index in LOOK_ALIKES, in base 36. */
  neverKinds: string;
  signals: Signals;
  /** Sites' own checkout rules (from the guides): boxes that are save boxes whatever they say. */
  siteRules: { hosts: string[]; saveBoxes: string[] }[];
}

/** The every-page script's data: CompiledData without the pay-button words. */
export type ShippedData = Omit<CompiledData, 'patterns'> & { patterns: Record<GuardCategory, string[][]> };

/** The words of a shop's final button, for the notice: each language's patterns and its letters. */
export interface PayButtonData {
  letters: string[];
  patterns: string[][];
}

/** Validates raw tables and signals; every problem is named (file, field, pattern). */
export function compileData(tables: { file: string; raw: unknown }[], rawSignals: unknown): { data: CompiledData; problems: string[] } {
  const problems: string[] = [];
  const patterns = Object.fromEntries(CATEGORIES.map((c) => [c, [] as string[][]])) as Record<Category, string[][]>;
  let neverKinds = '';
  const languages: string[] = [];
  const letters: string[] = [];
  let letterClass = '';
  const checkRegex = (where: string, short: string) => {
    if (usesShorthand(short) && !letterClass) {
      problems.push(`${where}: pattern ${JSON.stringify(short)} uses \\< \\> or \\l, but the table has no \`letters\``);
      return false;
    }
    const src = expandShorthand(short, letterClass);
    if (/[0-9]{2}/.test(src.replace(/\\u\{?[0-9a-fA-F]+\}?|\{\d+(,\d*)?\}/g, ''))) {
      problems.push(
        `${where}: pattern ${JSON.stringify(src)} has a number of two or more digits; labels are read with such numbers folded`,
      );
      return false;
    }
    const unread = [...src].find((c) => /[\p{L}\p{M}]/u.test(c) && c.normalize('NFKC') !== c);
    if (unread) {
      // e.g. Thai SARA AM (ำ), which NFKC splits in two: written so, the pattern never meets a label.
      problems.push(
        `${where}: pattern ${JSON.stringify(src)} has ${JSON.stringify(unread)}, which labels never have: they are read NFKC-normalised`,
      );
      return false;
    }
    if (hasUpperCase(src)) {
      problems.push(`${where}: pattern ${JSON.stringify(src)} has upper-case letters; text is matched in lower case`);
      return false;
    }
    try {
      new RegExp(src, REGEX_FLAGS);
      return true;
    } catch (e) {
      problems.push(`${where}: bad pattern ${JSON.stringify(src)}: ${(e as Error).message}`);
      return false;
    }
  };
  for (const { file, raw } of tables) {
    const r = LanguageTableSchema.safeParse(raw);
    if (!r.success) {
      problems.push(`${file}: ${describeIssues(r.error)}`);
      continue;
    }
    letterClass = r.data.letters ?? '';
    if (letterClass && !checkRegex(`${file} letters`, `[${letterClass}]`)) continue;
    languages.push(r.data.lang);
    letters.push(letterClass);
    // Shipped in the short form, whichever form the table wrote (see compactShorthand).
    const short = (p: string) => compactShorthand(p, letterClass);
    for (const c of CATEGORIES) if (c !== 'never') patterns[c].push(r.data[c].filter((p) => checkRegex(`${file} ${c}`, p)).map(short));
    const never: string[] = [];
    for (const [kind, list] of Object.entries(r.data.never) as [LookAlike, string[]][]) {
      for (const p of list) {
        if (!checkRegex(`${file} never.${kind}`, p)) continue;
        never.push(short(p));
        neverKinds += LOOK_ALIKES.indexOf(kind).toString(36);
      }
    }
    patterns.never.push(never);
  }
  const s = SignalsSchema.safeParse(rawSignals);
  const signals: Signals = s.success ? s.data : { attrSave: [], attrNever: [], cardFieldSelectors: [], paymentFrameHosts: [] };
  if (!s.success) problems.push(`signals.json: ${describeIssues(s.error)}`);
  letterClass = '';
  for (const k of ['attrSave', 'attrNever', 'paymentFrameHosts'] as const)
    signals[k] = signals[k].filter((p) => checkRegex(`signals.json ${k}`, p));
  return { data: { languages, letters, patterns, neverKinds, signals, siteRules: [] }, problems };
}
