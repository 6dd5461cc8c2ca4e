// The shipped data, validated and merged at build time. Adding a language: a JSON file in src/data/lang/.
// It comes as the JSON text, parsed on first use: every frame loads this script, few need the tables.
import dataText from 'virtual:unbind-data-text';
import { buildLexicon, type Lexicon } from './lexicon';
import type { CompiledData } from './lexicon-schema';

let cached: Lexicon | undefined;
/** The lexicon for this frame, built on first use. */
export function lexicon(): Lexicon {
  if (!cached) {
    cached = buildLexicon(JSON.parse(dataText) as CompiledData, typeof location === 'undefined' ? '' : location.hostname);
    for (const p of cached.problems) console.warn(`[Unbind] skipped in the shipped data: ${p}`);
  }
  return cached;
}
