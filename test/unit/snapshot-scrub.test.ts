// The snapshot's text rules (src/data/snapshot-rules.json): each rule against its own examples, the
// Luhn check, a bad rules file, and text a hostile page may hold.
import raw from '../../src/data/snapshot-rules.json';
import { describe, expect, it } from 'vitest';
import { compileRules, rules } from '../../src/snapshot/rules';
import { findLeaks, luhnValid, scrubText } from '../../src/snapshot/scrub';

const r = rules();

describe('each rule replaces its examples and keeps its look-alikes', () => {
  for (const rule of raw.rules) {
    const only = { ...r, text: r.text.filter((t) => t.id === rule.id) };
    it.each(rule.examples.replaced)(`${rule.id} replaces %s`, (text) => {
      const out = scrubText(text, only);
      expect(out).not.toBe(text);
      expect(out).toContain(rule.replacement.replace(/\$\d/g, ''));
      expect(findLeaks(out, only)).toEqual([]);
    });
    it.each(rule.examples.kept.map((k) => [k]))(`${rule.id} keeps %s`, (text) => {
      expect(scrubText(text, only)).toBe(text);
    });
  }
});

describe('all rules together', () => {
  it('leave no digit of a card number, in any common spelling', () => {
    for (const n of ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '5555 5555 5555 4444', '3782 822463 10005']) {
      const out = scrubText(`Card: ${n}. Thanks!`, r);
      expect(out).toBe('Card: [card number]. Thanks!');
    }
  });
  it('keep a whole sentence with prices, dates and order numbers readable', () => {
    const text = 'Order #A-1042 placed 2026-11-27: 2 items, £37.40 (VAT £6.23). Deliver to LS1 1AA.';
    expect(scrubText(text, r)).toBe(text);
  });
  it('replace every secret in one text', () => {
    const out = scrubText('Pay 4111 1111 1111 1111 exp 12/29 CVC 123, mail sam@example.com, call +44 20 7946 0958', r);
    expect(out).toBe('Pay [card number] exp [expiry] CVC [code], mail [e-mail], call [phone]');
    expect(findLeaks(out, r)).toEqual([]);
  });
  it('find what they would replace', () => {
    expect(findLeaks('4111 1111 1111 1111', r)).toContain('card-number');
    expect(findLeaks('nothing here', r)).toEqual([]);
  });
});

describe('Luhn', () => {
  it('accepts test card numbers and refuses one digit off', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('0000')).toBe(false); // too short to be a card
  });
});

describe('hostile text', () => {
  it('a megabyte of digits and separators is scrubbed in one pass, with no card-like run left', () => {
    const huge = '4111 1111 1111 1111 '.repeat(50_000) + '1-2-3-4-5-6-7-8-9-0 '.repeat(10_000);
    const out = scrubText(huge, r);
    expect(findLeaks(out, r)).toEqual([]);
    expect(out).not.toMatch(/4111/);
  });
  it('a card number split by invisible characters is still one run only if the page writes it so', () => {
    // Zero-width spaces are not separators of the rule: the text stays as the page wrote it, which
    // shows no number a person could read off the snapshot as one run either.
    expect(scrubText('4111\u200b1111\u200b1111\u200b1111', r)).toContain('\u200b');
  });
});

describe('a bad rules file is a clear error', () => {
  it('names the field', () => {
    const bad = structuredClone(raw) as { rules: { flags: string }[] };
    bad.rules[0]!.flags = 'x';
    expect(() => compileRules(bad)).toThrow(/rules\.0\.flags/);
  });
  it('names a rule whose pattern does not compile', () => {
    const bad = structuredClone(raw) as { rules: { pattern: string }[] };
    bad.rules[1]!.pattern = '(';
    expect(() => compileRules(bad)).toThrow(/expiry: bad pattern/);
  });
  it('refuses a file with no limits', () => {
    expect(() => compileRules({ rules: raw.rules })).toThrow(/limits/);
  });
});
