// The shipped data, validated and merged at build time. Adding a language: a JSON file in src/data/lang/.
import data from 'virtual:unbind-data';
import { buildLexicon, type Lexicon } from './lexicon';

let cached: Lexicon | undefined;
/** The lexicon for this frame, built on first use. */
export function lexicon(): Lexicon {
  if (!cached) {
    cached = buildLexicon(data, typeof location === 'undefined' ? '' : location.hostname);
    for (const p of cached.problems) console.warn(`[Unbind] skipped in the shipped data: ${p}`);
  }
  return cached;
}
