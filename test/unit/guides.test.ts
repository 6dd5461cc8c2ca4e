// Conventions enforced by a test, not by memory: every guide validates, has a fixture site that serves
// its hosts, an e2e spec, and its texts in every shipped language; every language has every message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileGuides, readGuides } from '../../scripts/data.ts';
import { fold } from '../../src/guide/page';
import { guideKey, hostMatches, sourcesOf } from '../../src/guide/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const locales = readdirSync(path.join(ROOT, 'public/_locales'));
const messages = Object.fromEntries(
  locales.map((l) => [
    l,
    JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>,
  ]),
);
const { guides, problems } = compileGuides(readGuides());

/** The ids, classes and attribute names a selector relies on ("#a .b[c=d]" -> "#a", ".b", "c"). */
function selectorNames(css: string): string[] {
  const names = [...css.matchAll(/[#.][\w-]+/g)].map((m) => m[0]);
  const attrs = [...css.matchAll(/\[\s*([\w-]+)/g)].map((m) => m[1]!);
  return [...names, ...attrs];
}

describe('guides', () => {
  it('all validate', () => {
    expect(problems).toEqual([]);
    expect(guides.length).toBeGreaterThan(0);
  });

  for (const g of guides) {
    describe(g.id, () => {
      it('has a fixture site that serves every one of its hosts', async () => {
        const entry = path.join(ROOT, 'fixtures/sites', g.fixture, 'index.mjs');
        expect(existsSync(entry), entry).toBe(true);
        const site = (await import(pathToFileURL(entry).href)).default() as { hosts: string[] };
        for (const h of g.hosts)
          expect(
            site.hosts.some((s) => hostMatches(s, h)),
            `fixture serves no host of ${h}`,
          ).toBe(true);
      });

      it('has an e2e spec', () => {
        expect(existsSync(path.join(ROOT, `test/e2e/guide-${g.id}.test.ts`))).toBe(true);
      });

      it('has its step texts in every language', () => {
        for (const [lang, table] of Object.entries(messages)) {
          for (const s of g.steps)
            for (const part of ['title', 'do'] as const) {
              expect(table[guideKey(g.id, s.id, part)]?.message, `${lang}: ${guideKey(g.id, s.id, part)}`).toBeTruthy();
            }
        }
      });

      const places = [...g.steps.flatMap((s) => s.places), g.cardList.place, ...g.registered, ...g.unregistered, ...g.bound];
      const cited = [
        ...places.flatMap((p) => [...p.markers, ...(p.point ?? []), ...(p.path ? [p.path] : [])]),
        g.cardList.card,
        ...(g.cardList.empty ? [g.cardList.empty] : []),
        ...(g.checkout?.saveBoxes ?? []),
      ];

      it('recognises every place by a path or something the page shows', () => {
        for (const p of places) expect(p.path || p.markers.length > 0, JSON.stringify(p)).toBeTruthy();
      });

      it('cites a source for every marker, path and pointer target, and every source is used', () => {
        for (const c of cited)
          for (const key of sourcesOf(c)) expect(g.sources[key], `${JSON.stringify(c)} cites no known source ${key}`).toBeDefined();
        const used = new Set(cited.flatMap(sourcesOf));
        expect(Object.keys(g.sources).filter((k) => !used.has(k))).toEqual([]);
      });

      // The rule for the sites' languages: a marker or target whose words come from several sources (one
      // per language, say) must find each of its words quoted in one of them: no label without its source.
      it('quotes every word of a text drawn from several sources in one of them', () => {
        for (const c of cited) {
          if (!('text' in c) || sourcesOf(c).length < 2) continue;
          const says = sourcesOf(c).map((k) => fold(g.sources[k]?.says ?? ''));
          for (const t of [...c.text, ...((c as { rowLast?: string[] }).rowLast ?? [])])
            expect(
              says.some((s) => s.includes(fold(t))),
              `"${t}" is quoted by none of ${sourcesOf(c).join(', ')}`,
            ).toBe(true);
        }
      });

      it('uses paths that compile and selectors that parse', () => {
        for (const p of places) if (p.path) expect(() => new RegExp(p.path!.pattern, 'u'), p.path.pattern).not.toThrow();
        for (const c of cited) if ('css' in c) expect(() => document.querySelector(c.css), c.css).not.toThrow();
      });

      // The rule: a guide may find a page or a control by an id, class or attribute only when the source
      // it cites quotes that very name. Text is what a person sees; a name only our twin has is a stub.
      it('relies on no id, class or attribute that its cited source does not quote', () => {
        for (const c of cited) {
          if (!('css' in c)) continue;
          const says = g.sources[c.source]?.says ?? '';
          for (const name of selectorNames(c.css)) expect(says, `${c.css}: "${name}" is not in source ${c.source}`).toContain(name);
        }
      });
    });
  }
});

describe('languages', () => {
  it('ship English and Russian at least', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ru']));
  });
  it('every language has every message English has', () => {
    for (const [lang, table] of Object.entries(messages)) {
      expect(
        Object.keys(messages.en!).filter((k) => !table[k]),
        lang,
      ).toEqual([]);
    }
  });
});

describe('malformed guide data', () => {
  it('is refused with the file and field named, and the good guides still load', () => {
    const good = readGuides()[0]!;
    const { guides: ok, problems: bad } = compileGuides([
      good,
      { file: 'guides/broken.json', raw: { id: 'Broken!', hosts: 'alipay.com', steps: [] } },
      { file: 'guides/not-json.json', raw: { invalidJson: 'Unexpected token' } },
    ]);
    expect(ok.map((g) => g.id)).toEqual([(good.raw as { id: string }).id]);
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(/^guides\/broken\.json: .*id/);
    expect(bad[0]).toMatch(/hosts/);
  });

  it('a site rule with a broken selector is skipped at run time, not thrown', async () => {
    const { buildLexicon } = await import('../../src/detect/lexicon');
    const { compileData } = await import('../../src/detect/lexicon-schema');
    const { readData } = await import('../../scripts/data.ts');
    const { tables, signals } = readData();
    const { data } = compileData(tables, signals);
    data.siteRules = [{ hosts: ['shop.example'], saveBoxes: ['#ok', 'input[[broken'] }];
    const lx = buildLexicon(data, 'www.shop.example');
    expect(lx.siteSaveBoxes).toBe('#ok');
    expect(lx.problems).toEqual(['bad selector "input[[broken"']);
    expect(buildLexicon(data, 'other.example').siteSaveBoxes).toBe('');
  });
});
