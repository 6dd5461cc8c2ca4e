// Every language table validates, and its own examples classify as the table says.
import { describe, expect, it } from 'vitest';
import { LanguageTableSchema, compileData } from '../../src/detect/lexicon-schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { classify } from '../../src/detect/classify';
import { readData } from '../../scripts/data.ts';

const { tables, signals } = readData();
const { data, problems } = compileData(tables, signals);
const lx = buildLexicon(data);
const facts = (label: string, paymentContext: boolean) => ({ label, context: '', attrs: '', paymentContext });

describe('language tables', () => {
  it('all validate and compile without problems', () => {
    expect(problems).toEqual([]);
    expect(lx.problems).toEqual([]);
    expect(lx.languages.length).toBeGreaterThanOrEqual(12);
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
      it.each(table.examples.matchWithCardFields ?? [])('detects %j only with card fields', (label) => {
        expect(classify(facts(label, true), lx).save).toBe(true);
        expect(classify(facts(label, false), lx).save).toBe(false);
      });
    });
  }
});
