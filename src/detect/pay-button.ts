// A shop's final button ("Pay now", "Place order") in every language, for the notice, which keeps out
// of its way. Only the notice reads these words, so they ship in its script (wake.js), not in the one
// every frame runs.
import { normalise } from './classify';
import { combine } from './lexicon';
import type { PayButtonData } from './lexicon-schema';
import { expandShorthand } from './shorthand';

/** A test for a button's text, compiled once; a pattern that fails is skipped and named. */
export function payButtonMatcher(data: PayButtonData): (text: string) => boolean {
  const problems: string[] = [];
  const sources = data.patterns.flatMap((list, i) => list.map((src) => expandShorthand(src, data.letters[i] ?? '')));
  const re = combine(sources, problems, 'payButton');
  for (const p of problems) console.warn(`[Unbind] skipped in the shipped data: ${p}`);
  return (text) => re.test(normalise(text.slice(0, 60)));
}
