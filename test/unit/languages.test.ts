// Every language table validates, and its own examples classify as the table says.
import { describe, expect, it } from 'vitest';
import { LanguageTableSchema, compileData } from '../../src/detect/lexicon-schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { classify } from '../../src/detect/classify';
import { compactShorthand, expandShorthand } from '../../src/detect/shorthand';
import { dataModule, payButtonData, readData } from '../../scripts/data.ts';
import { payButtonMatcher } from '../../src/detect/pay-button';
import shipped from 'virtual:unbind-data';
import shippedPayButtons from 'virtual:unbind-pay-buttons';

const { tables, signals } = readData();
const { data, problems } = compileData(tables, signals);
const lx = buildLexicon(data);
const isPayButton = payButtonMatcher(payButtonData(data));
const facts = (label: string, paymentContext: boolean) => ({ label, context: '', attrs: '', paymentContext });

describe('language tables', () => {
  it('all validate and compile without problems', () => {
    expect(problems).toEqual([]);
    expect(lx.problems).toEqual([]);
    expect(lx.languages.length).toBeGreaterThanOrEqual(12);
  });

  it('ship exactly what the build compiled (the patterns as raw strings, read back the same)', () => {
    expect(shipped.languages).toEqual(data.languages);
    expect(shipped.letters).toEqual(data.letters);
    expect(shipped.neverKinds).toEqual(data.neverKinds);
    const { payButton, ...guardPatterns } = data.patterns;
    expect(shipped.patterns).toEqual(guardPatterns);
    // The pay-button words ship apart, with the notice: the script every frame runs has none.
    expect(shippedPayButtons).toEqual({ letters: data.letters, patterns: payButton });
    expect(lx.languages.length).toBeGreaterThanOrEqual(33);
  });

  it('the data module reads back what it was given, also a language with no patterns, or a pattern no raw string can hold', () => {
    const load = (code: string) => new Function(code.replace('export default', 'return'))() as typeof data;
    const few = (list: string[][]) => Object.fromEntries(Object.keys(data.patterns).map((c) => [c, list])) as typeof data.patterns;
    const base = { ...data, languages: ['xx', 'yy', 'zz'], letters: ['', 'a-z', ''], neverKinds: '' };
    for (const patterns of [few([['\\bsave\\b', 'сохран'], [], ['\\<keep\\>']]), few([['a`b'], ['c\\'], []])]) {
      const code = dataModule({ ...base, patterns });
      expect(code.includes('String.raw')).toBe(!code.includes('`b'));
      const back = load(code);
      const { payButton: _, ...guardPatterns } = patterns;
      expect({ ...back, patterns: back.patterns }).toEqual({ ...base, patterns: guardPatterns });
    }
  });

  it('ship every pattern in the short form, meaning what its table wrote', () => {
    for (const [c, lists] of Object.entries(shipped.patterns))
      lists.forEach((list, i) => {
        const letters = shipped.letters[i]!;
        // Tables' own lists (never: its kinds one after another), expanded, equal the shipped ones expanded.
        const raw = LanguageTableSchema.parse(tables[i]!.raw)[c as 'save' | 'never'];
        const written = Array.isArray(raw) ? raw : Object.values(raw).flat();
        expect(
          list.map((p) => expandShorthand(p, letters)),
          `${shipped.languages[i]} ${c}`,
        ).toEqual(written.map((p) => expandShorthand(p, letters)));
        if (letters) for (const p of list) expect(p.includes(`(?<![${letters}])`) || p.includes(`(?![${letters}])`), p).toBe(false);
      });
  });

  it('writes the long word-edge forms short only where that means the same', () => {
    expect(compactShorthand('(?<![a-zäö])(talleta|tallenna)(?![a-zäö])', 'a-zäö')).toBe('\\<(talleta|tallenna)\\>');
    expect(compactShorthand('automatisch (?:[a-zß]+ ){0,3}?x', 'a-zß')).toBe('automatisch (?:\\l+ ){0,3}?x');
    // An escaped backslash before the form stays one; no letters, nothing to write short.
    expect(compactShorthand('\\\\(?![a-z])', 'a-z')).toBe('\\\\\\>');
    expect(compactShorthand('(?<![a-z])x', '')).toBe('(?<![a-z])x');
    // A class that only contains the letters (negated) is not the shorthand.
    expect(compactShorthand('[^a-zäö]x', 'a-zäö')).toBe('[^a-zäö]x');
  });

  it('other buttons are not pay buttons', () => {
    for (const text of [
      'Apply coupon',
      'Edit cart',
      'Remove',
      'Continue shopping',
      'PayPal',
      'Keep it ticked',
      'Always allow on this site',
      'Sign in',
    ]) {
      expect(isPayButton(text), text).toBe(false);
    }
  });

  for (const { file, raw } of tables) {
    const table = LanguageTableSchema.parse(raw);
    describe(`${table.lang} (${file})`, () => {
      it('has examples both ways', () => {
        expect(table.examples.match.length).toBeGreaterThanOrEqual(4);
        expect(table.examples.noMatch.length).toBeGreaterThanOrEqual(4);
      });
      it.each(table.examples.match)('detects %j', (label) => {
        expect(classify(facts(label, true), lx).save).toBe(true);
        expect(classify(facts(label, false), lx).save).toBe(true);
      });
      it.each(table.examples.noMatch)('leaves %j', (label) => {
        expect(classify(facts(label, true), lx).save).toBe(false);
      });
      it.each(table.examples.negated ?? [])('reads %j as an opt-out', (label) => {
        expect(classify(facts(label, true), lx)).toEqual({ save: false, reason: 'negated' });
      });
      it.each(Object.entries(table.examples.lookAlikes ?? {}).flatMap(([kind, labels]) => labels.map((l) => [l, kind])))(
        'reads %j as a look-alike: %s',
        (label, kind) => {
          expect(classify(facts(label, true), lx)).toEqual({ save: false, reason: `look-alike:${kind}` });
        },
      );
      it.each(table.examples.matchWithCardFields ?? [])('detects %j only with card fields', (label) => {
        expect(classify(facts(label, true), lx).save).toBe(true);
        expect(classify(facts(label, false), lx).save).toBe(false);
      });
      it('has pay-button examples', () => expect(table.examples.payButton.length).toBeGreaterThanOrEqual(3));
      it.each(table.examples.payButton)('reads %j as the pay button', (text) => {
        expect(isPayButton(text)).toBe(true);
        expect(isPayButton(`  ${text.toUpperCase()}\n`)).toBe(true);
      });
    });
  }
});
