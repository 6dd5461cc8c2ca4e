// The interface's languages (public/_locales/<lang>/messages.json) against English, whatever locales
// exist: no key missing or extra, and every placeholder the same ($NAME$ in the text, its block, and the
// $1... it stands for), since Chrome shows a missing substitution as an empty string, silently. How long
// a text may be is measured where it is shown (test/e2e/locale-widths.test.ts), not counted here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { textDir } from '../../src/shared/i18n';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'public/_locales');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Table = Record<string, Message>;

const read = (lang: string): Table => JSON.parse(readFileSync(path.join(DIR, lang, 'messages.json'), 'utf8')) as Table;

/** What a message substitutes, as Chrome reads it: named `$NAME$` (case-insensitive), positional `$1`
 *  outside a name, `$$` an escaped dollar. */
function substitutions(text: string): { named: string[]; positional: string[] } {
  const named: string[] = [];
  const positional: string[] = [];
  for (const m of text.matchAll(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g)) {
    if (m[1]) named.push(m[1].toLowerCase());
    else if (m[2]) positional.push(m[2]);
  }
  return { named: named.sort(), positional: positional.sort() };
}

/** Every difference between a locale's table and English's, one line each ("key: what"). */
function compareTable(en: Table, table: Table): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in table)) problems.push(`${key}: missing`);
  for (const [key, m] of Object.entries(table)) {
    const base = en[key];
    if (!base) {
      problems.push(`${key}: not in English`);
      continue;
    }
    if (typeof m?.message !== 'string' || m.message.trim() === '') {
      problems.push(`${key}: empty message`);
      continue;
    }
    const want = substitutions(base.message);
    const got = substitutions(m.message);
    if (want.named.join() !== got.named.join())
      problems.push(`${key}: uses $${got.named.join('$ $')}$, English $${want.named.join('$ $')}$`);
    if (want.positional.join() !== got.positional.join())
      problems.push(`${key}: positional $${got.positional.join(' $')}, English $${want.positional.join(' $')}`);
    const block = Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v?.content]));
    const baseBlock = Object.fromEntries(Object.entries(base.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    for (const name of new Set([...Object.keys(block), ...Object.keys(baseBlock), ...got.named])) {
      if (block[name] !== baseBlock[name])
        problems.push(`${key}: placeholder ${name} is ${JSON.stringify(block[name])}, English ${JSON.stringify(baseBlock[name])}`);
    }
  }
  return problems;
}

const locales = readdirSync(DIR).sort();
const en = read('en');

describe('interface languages', () => {
  it('the checker finds what it must (a missing key, an extra key, each kind of placeholder mismatch)', () => {
    const sample: Table = {
      a: { message: 'Add $SITE$', placeholders: { site: { content: '$1' } } },
      b: { message: '$COUNT$ left', placeholders: { count: { content: '$1' } } },
      c: { message: 'Page $1' },
      d: { message: 'Plain' },
    };
    expect(compareTable(sample, sample)).toEqual([]);
    const bad: Table = {
      a: { message: 'Ajouter $SITE$' }, // block missing
      b: { message: '$NOMBRE$ restantes', placeholders: { nombre: { content: '$1' } } }, // renamed
      c: { message: 'Page' }, // positional dropped
      e: { message: 'extra' },
    };
    expect(compareTable(sample, bad)).toEqual([
      'd: missing',
      'a: placeholder site is undefined, English "$1"',
      'b: uses $nombre$, English $count$',
      'b: placeholder nombre is "$1", English undefined',
      'b: placeholder count is undefined, English "$1"',
      'c: positional $, English $1',
      'e: not in English',
    ]);
  });

  it('ships the languages the issue asks for, each in a folder Chrome knows', () => {
    // Chrome's locale codes (chrome.i18n docs: "Locales"); a misspelt folder is silently ignored.
    const known =
      /^(ar|am|bg|bn|ca|cs|da|de|el|en|en_AU|en_GB|en_US|es|es_419|et|fa|fi|fil|fr|gu|he|hi|hr|hu|id|it|ja|kn|ko|lt|lv|ml|mr|ms|nl|no|pl|pt_BR|pt_PT|ro|ru|sk|sl|sr|sv|sw|ta|te|th|tr|uk|vi|zh_CN|zh_TW)$/;
    expect(locales.filter((l) => !known.test(l))).toEqual([]);
    for (const l of ['en', 'ru', 'zh_CN', 'ja', 'ko', 'ar', 'uk']) expect(locales).toContain(l);
  });

  for (const lang of locales) {
    it(`${lang}: every key of English, no other, with the same placeholders`, () => {
      expect(compareTable(en, read(lang))).toEqual([]);
    });
  }

  it('each language reads in its direction: right to left for Arabic, Hebrew and Persian only', () => {
    for (const lang of locales) {
      const table = read(lang);
      vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => table[key]?.message ?? '' } });
      expect(textDir(), lang).toBe(['ar', 'fa', 'he'].includes(lang.split('_')[0]!) ? 'rtl' : 'ltr');
    }
    vi.unstubAllGlobals();
  });

  it('the store description fits the store (132 characters)', () => {
    for (const lang of locales) expect([...(read(lang).extDescription?.message ?? '')].length, lang).toBeLessThanOrEqual(132);
  });
});
