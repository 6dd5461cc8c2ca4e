// Build step for the shipped data: reads src/data, validates it with zod, and writes it merged and
// without the examples to a generated JSON file that the code imports as `virtual:unbind-data` (an
// alias: crxjs builds content scripts without our plugins, but it keeps our aliases). Invalid data
// stops the build with the file and field named, so a bad table never ships.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCheckoutPaths } from '../src/card-hunt/checkout-paths.ts';
import { type CompiledData, compileData, type GuardCategory, type PayButtonData, type ShippedData } from '../src/detect/lexicon-schema.ts';
import { SiteEntry } from '../src/directory/schema.ts';
import { Guide } from '../src/guide/schema.ts';
import { describeIssues } from '../src/shared/zod.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'src/data');

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    return { invalidJson: (e as Error).message };
  }
}

/** The raw data files, as they are on disk. */
export function readData() {
  return { tables: readJsonDir('lang'), signals: parseJson(path.join(DATA, 'signals.json')) };
}

/** Every JSON file in a folder of src/data, sorted, named by its path from src/data. */
function readJsonDir(folder: string) {
  const dir = path.join(DATA, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${folder}/${f}`, raw: parseJson(path.join(dir, f)) }));
}

/** Validates the guides; every problem names its file and field. */
export function compileGuides(files: { file: string; raw: unknown }[]) {
  const problems: string[] = [];
  const guides: Guide[] = [];
  for (const { file, raw } of files) {
    const r = Guide.safeParse(raw);
    if (r.success) guides.push(r.data);
    else problems.push(`${file}: ${describeIssues(r.error)}`);
  }
  return { guides, problems };
}

/** Validates and writes the compiled data; returns the alias table for vite's resolve.alias. */
export function dataAlias(): Record<string, string> {
  const { tables, signals } = readData();
  const { data, problems } = compileData(tables, signals);
  const g = compileGuides(readGuides());
  const sites = compileSites(readSites());
  problems.push(...g.problems, ...sites.problems, ...readCheckoutPaths(parseJson(path.join(DATA, 'checkout-paths.json'))).problems);
  if (problems.length) throw new Error(`invalid data in src/data:\n  ${problems.join('\n  ')}`);
  data.siteRules = g.guides.flatMap((guide) =>
    guide.checkout ? [{ hosts: guide.checkout.hosts, saveBoxes: guide.checkout.saveBoxes.map((b) => b.css) }] : [],
  );
  // In this checkout's own out/ (not node_modules/.cache): worktrees that share node_modules must not
  // overwrite each other's data between a write and the bundler's read.
  const dir = path.join(ROOT, 'out/generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'data.js'), dataModule(data));
  writeFileSync(path.join(dir, 'pay-buttons.json'), JSON.stringify(payButtonData(data)));
  writeFileSync(path.join(dir, 'guides.json'), JSON.stringify(g.guides));
  writeFileSync(path.join(dir, 'sites.json'), JSON.stringify(sites.sites));
  return {
    'virtual:unbind-data': path.join(dir, 'data.js'),
    'virtual:unbind-pay-buttons': path.join(dir, 'pay-buttons.json'),
    'virtual:unbind-guides': path.join(dir, 'guides.json'),
    'virtual:unbind-sites': path.join(dir, 'sites.json'),
  };
}

/** The compiled data as a module. The patterns go as one raw template string, a language to a line,
 *  its categories apart by \v and its patterns by tabs: a regex's backslashes stay single there, where
 *  JSON in a JS string doubles them and the bundler's JSON.parse(`...`) doubles them again. Languages
 *  written in the same script sit next to each other (gzip finds their shared stems and letters), about
 *  1 KB less in every page's script than category by category. The module splits the text on first use
 *  of `patterns`: a frame that never reads a label never does. */
export function dataModule(compiled: CompiledData): string {
  const { payButton: _, ...guardPatterns } = compiled.patterns;
  const data: ShippedData = { ...compiled, patterns: guardPatterns };
  const cats = Object.keys(data.patterns) as GuardCategory[];
  const order = scriptOrder(data);
  const text = order.map((i) => cats.map((c) => data.patterns[c][i]!.join('\t')).join('\v')).join('\n');
  const { patterns, ...rest } = data;
  // Nothing a raw template cannot hold: no backtick, no ${, no CR, no trailing backslash; and no
  // separator inside a pattern (the build checked every pattern compiles, so none has a tab or a
  // newline of its own; a vertical tab is checked here). Otherwise, plain JSON.
  const separable = cats.every((c) => patterns[c].every((l) => l.every((p) => !/[\t\n\v]/.test(p))));
  if (!separable || /`|\$\{|\r|\\$/.test(text))
    return ['// Generated by scripts/data.ts from src/data: do not edit.', `export default ${JSON.stringify(data)};`, ''].join('\n');
  return [
    '// Generated by scripts/data.ts from src/data: do not edit.',
    `const order = ${JSON.stringify(order)}, cats = ${JSON.stringify(cats)};`,
    'let patterns;',
    'function split() {',
    '  const out = Object.fromEntries(cats.map((c) => [c, []]));',
    `  String.raw\`${text}\`.split('\\n').forEach((line, k) => {`,
    "    const parts = line.split('\\v');",
    "    cats.forEach((c, j) => { out[c][order[k]] = parts[j] ? parts[j].split('\\t') : []; });",
    '  });',
    '  return out;',
    '}',
    `export default { ...${JSON.stringify(rest)}, get patterns() { return (patterns ??= split()); } };`,
    '',
  ].join('\n');
}

/** The pay-button words, which only the notice reads: they ship in its script, not in every frame's. */
export const payButtonData = (data: CompiledData): PayButtonData => ({ letters: data.letters, patterns: data.patterns.payButton });

/** Language indexes with those written in the same script together: by the Unicode block (code
 *  point / 128) most letters of a language's patterns are in (escapes skipped), then as they were. */
function scriptOrder(data: ShippedData): number[] {
  const blockOf = (i: number): number => {
    const counts = new Map<number, number>();
    for (const lists of Object.values(data.patterns))
      for (const src of lists[i] ?? [])
        for (const m of src.replace(/\\./gsu, '').matchAll(/\p{L}/gu)) {
          const b = m[0].codePointAt(0)! >> 7;
          counts.set(b, (counts.get(b) ?? 0) + 1);
        }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  };
  return data.languages
    .map((_, i) => ({ i, block: blockOf(i) }))
    .sort((a, b) => a.block - b.block || a.i - b.i)
    .map((l) => l.i);
}

/** Content-script match patterns for the guides' sites (the guide script runs only there). */
export function guideMatches(): string[] {
  return compileGuides(readGuides())
    .guides.flatMap((g) => g.hosts)
    .map((h) => `*://*.${h}/*`);
}

/** The guides, validated; their checkout rules go into the lexicon data as site rules. */
export const readGuides = () => readJsonDir('guides');

/** The directory of places that keep cards (src/data/sites), one file per place. */
export const readSites = () => readJsonDir('sites');

/** Validates the directory: every entry parses, its id is its file name, and no host is claimed twice. */
export function compileSites(files: { file: string; raw: unknown }[]) {
  const problems: string[] = [];
  const sites: SiteEntry[] = [];
  const owner = new Map<string, string>();
  for (const { file, raw } of files) {
    const r = SiteEntry.safeParse(raw);
    if (!r.success) {
      problems.push(`${file}: ${describeIssues(r.error)}`);
      continue;
    }
    if (`sites/${r.data.id}.json` !== file) problems.push(`${file}: id ${r.data.id} is not the file name`);
    for (const h of r.data.hosts) {
      if (owner.has(h)) problems.push(`${file}: host ${h} is also claimed by ${owner.get(h)}`);
      owner.set(h, file);
    }
    sites.push(r.data);
  }
  return { sites, problems };
}
