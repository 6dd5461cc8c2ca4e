// A shop's final button ("Pay now", "Place order") in every language, for the notice, which keeps out
// of its way. Only the notice reads these words, so they ship in its script (wake.js), not in the one
// every frame runs.
import { normalise } from './classify';
import { combine, expanded } from './lexicon';
import type { PayButtonData } from './lexicon-schema';

/** A test for a button's text, compiled once; a pattern that fails is skipped and named. */
export function payButtonMatcher(data: PayButtonData): (text: string) => boolean {
  const problems: string[] = [];
  const re = combine(expanded(data.patterns, data.letters), problems, 'payButton');
  for (const p of problems) console.warn(`[Unbind] skipped in the shipped data: ${p}`);
  return (text) => re.test(normalise(text.slice(0, 60)));
}
