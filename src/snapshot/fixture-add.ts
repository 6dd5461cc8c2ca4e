// `npm run fixture:add FILE`: the checks a snapshot must pass to become a checkout fixture, and the
// name it is added under. Pure logic; scripts/fixture-add.mjs reads and writes the files.
import { checkSnapshot } from './check';
import { fixtureName } from './header';
import { rules } from './rules';

export type AddResult = { ok: true; name: string; controls: number; host: string; date: string } | { ok: false; problems: string[] };

/** Checks a snapshot and names it (`snap-<host>`, unique among the fixtures `taken`). */
export function prepareFixture(html: string, parse: (html: string) => Document, taken: ReadonlySet<string>): AddResult {
  const check = checkSnapshot(html, parse, rules());
  if (check.problems.length || !check.header) return { ok: false, problems: check.problems };
  const name = fixtureName(check.header.host, taken);
  return { ok: true, name, controls: check.controls, host: check.header.host, date: check.header.date };
}
