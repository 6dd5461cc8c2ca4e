// Build step for the shipped data: reads src/data, validates it with zod, and writes it merged and
// without the examples to a generated JSON file that the code imports as `virtual:unbind-data` (an
// alias: crxjs builds content scripts without our plugins, but it keeps our aliases). Invalid data
// stops the build with the file and field named, so a bad table never ships.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCheckoutPaths } from '../src/card-hunt/checkout-paths.ts';
import { compileData } from '../src/detect/lexicon-schema.ts';
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
  writeFileSync(path.join(dir, 'data.json'), JSON.stringify(data));
  writeFileSync(path.join(dir, 'guides.json'), JSON.stringify(g.guides));
  writeFileSync(path.join(dir, 'sites.json'), JSON.stringify(sites.sites));
  return {
    'virtual:unbind-data': path.join(dir, 'data.json'),
    'virtual:unbind-data-text': `${path.join(dir, 'data.json')}?raw`,
    'virtual:unbind-guides': path.join(dir, 'guides.json'),
    'virtual:unbind-sites': path.join(dir, 'sites.json'),
  };
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
