// Turns the shipped data (validated at build time, see scripts/data.ts) into a few combined regular
// expressions, once per frame. Still defensive: a pattern that fails here is skipped, not thrown.
import { hostMatches } from '../shared/hosts';
import type { GuardCategory, ShippedData } from './lexicon-schema';
import { LOOK_ALIKES, type LookAlike, REGEX_FLAGS } from './patterns';
import { expandShorthand } from './shorthand';

/** What every frame that reads a label needs, compiled when the lexicon is built. */
type Eager = GuardCategory | 'attrSave' | 'attrNever' | 'paymentFrameHosts';

export type Lexicon = Record<Eager, RegExp> & {
  /** Which kind of look-alike a text is that `never` matched. Only then: the per-kind regexes are
   *  compiled on first need, and most frames never need them. */
  lookAlikeOf(text: string): LookAlike;
  cardFieldSelector: string;
  /** Save boxes by the current site's own rule (empty when the site has none). */
  siteSaveBoxes: string;
  languages: string[];
  problems: string[];
};

const NOTHING = /(?!)/; // an empty category must match nothing, not everything

const join = (sources: string[]) => (sources.length ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), REGEX_FLAGS) : NOTHING);

/** One regex for a category. The build has checked every pattern, so each is tried alone only when
 *  the whole fails: a frame does not compile hundreds of patterns twice. */
export function combine(sources: string[], problems: string[], where: string): RegExp {
  try {
    return join(sources);
  } catch {
    /* find the bad one below */
  }
  return join(
    sources.filter((s) => {
      try {
        new RegExp(s, REGEX_FLAGS);
        return true;
      } catch {
        problems.push(`${where}: bad pattern ${JSON.stringify(s)}`);
        return false;
      }
    }),
  );
}

function validSelectors(list: string[], problems: string[]): string {
  // One bad selector would make every querySelector call throw: test each once, keep the good ones.
  const probe = document.createDocumentFragment();
  return list
    .filter((s) => {
      try {
        probe.querySelector(s);
        return true;
      } catch {
        problems.push(`bad selector ${JSON.stringify(s)}`);
        return false;
      }
    })
    .join(',');
}

/** Every language's patterns in one list, the shorthand written out with each language's letters. */
export const expanded = (lists: string[][], letters: string[]): string[] =>
  lists.flatMap((list, i) => list.map((src) => expandShorthand(src, letters[i] ?? '')));

/** `host`: the frame's host name, to pick the site rules that apply. */
export function buildLexicon(data: ShippedData, host = ''): Lexicon {
  const problems: string[] = [];
  const p = {} as Record<GuardCategory, string[]>;
  for (const [c, lists] of Object.entries(data.patterns) as [GuardCategory, string[][]][]) p[c] = expanded(lists, data.letters ?? []);
  const s = data.signals;
  // The test is one regex over every kind; the kinds are told apart only after it matched.
  const codes = data.neverKinds ?? '';
  const kinds = LOOK_ALIKES.filter((_, i) => codes.includes(i.toString(36)));
  const byKind = new Map<LookAlike, RegExp>();
  const ofKind = (k: LookAlike) => {
    const code = LOOK_ALIKES.indexOf(k).toString(36);
    return p.never.filter((_, i) => codes[i] === code);
  };
  const quiet: string[] = []; // the combined regex has reported any bad pattern already
  return {
    save: combine(p.save, problems, 'save'),
    card: combine(p.card, problems, 'card'),
    phrases: combine(p.phrases, problems, 'phrases'),
    weak: combine(p.weak, problems, 'weak'),
    optOut: combine(p.optOut, problems, 'optOut'),
    instruction: combine(p.instruction, problems, 'instruction'),
    never: combine(p.never, problems, 'never'),
    lookAlikeOf(text) {
      // The last kind is not tested: `never` matched, and it is the union of the kinds.
      for (let i = 0; i < kinds.length - 1; i++) {
        const k = kinds[i]!;
        let re = byKind.get(k);
        if (!re) {
          re = combine(ofKind(k), quiet, k);
          byKind.set(k, re);
        }
        if (re.test(text)) return k;
      }
      return kinds.at(-1)!; // there is one: with no kinds, `never` matches nothing
    },
    attrSave: combine(s.attrSave, problems, 'attrSave'),
    attrNever: combine(s.attrNever, problems, 'attrNever'),
    paymentFrameHosts: combine(s.paymentFrameHosts, problems, 'paymentFrameHosts'),
    cardFieldSelector: validSelectors(s.cardFieldSelectors, problems),
    siteSaveBoxes: validSelectors(
      data.siteRules.filter((r) => r.hosts.some((h) => hostMatches(host, h))).flatMap((r) => r.saveBoxes),
      problems,
    ),
    languages: data.languages,
    problems,
  };
}
