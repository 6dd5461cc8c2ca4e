// Checks of a built package, as the list of its files and its manifest, shared by the tests of dist/ and
// dist-firefox/ (test/e2e/package*.test.ts) and of the store zips (test/unit/packages.test.ts). Each
// returns the problems it found, so a test can also show that a bad package is caught.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GECKO_ID } from '../../scripts/lib/firefox-manifest.mjs';
import { ROOT } from './browser.mjs';

// biome-ignore lint/suspicious/noExplicitAny: a manifest is whatever JSON the package holds
type Manifest = Record<string, any>;

/** The permissions and host patterns the README's permission table names (backticked, first column). */
export function readmePermissions(readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')): Set<string> {
  const lines = readme.split('\n');
  const head = lines.findIndex((l) => /^\|\s*Permission\s*\|/.test(l));
  if (head < 0) throw new Error('README.md has no "| Permission |" table');
  const names = new Set<string>();
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

/** Every permission and host pattern the manifest asks for, optional ones too. */
export function askedPermissions(m: Manifest): string[] {
  return ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'].flatMap(
    (key) => (m[key] ?? []) as string[],
  );
}

/** Permissions the manifest asks for that the README's table does not explain. */
export function unexplainedPermissions(m: Manifest, readme?: string): string[] {
  const listed = readmePermissions(readme);
  return askedPermissions(m).filter((p) => !listed.has(p));
}

/** Files a store package must not carry: source maps, tests, fixtures, and scripts pointing to a map. */
export function devFileProblems(files: Record<string, Uint8Array | Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('.map')) problems.push(`source map ${name}`);
    if (/(^|\/)(tests?|__tests__|e2e|fixtures)\//.test(name) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(name))
      problems.push(`test file ${name}`);
    if (/\.[cm]?js$/.test(name) && /[#@] sourceMappingURL=/.test(Buffer.from(data).toString('utf8')))
      problems.push(`${name} points to a source map`);
  }
  return problems;
}

/** What the Chrome Web Store package's manifest must be: MV3, a service worker that is in the package,
 *  nothing of Firefox's. */
export function chromeManifestProblems(m: Manifest, files: string[]): string[] {
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}`);
  const worker = m.background?.service_worker;
  if (typeof worker !== 'string') problems.push('no background.service_worker');
  else if (!files.includes(worker)) problems.push(`service worker ${worker} not in the package`);
  if (m.background?.scripts) problems.push('background.scripts (Firefox only)');
  if (m.browser_specific_settings) problems.push('browser_specific_settings (Firefox only)');
  return problems;
}

/** What the Firefox add-on's manifest must be: MV3, background scripts that are in the package, the
 *  fixed gecko id, a minimum version, the data-collection declaration. */
export function firefoxManifestProblems(m: Manifest, files: string[]): string[] {
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}`);
  const scripts = m.background?.scripts;
  if (!Array.isArray(scripts) || scripts.length === 0) problems.push('no background.scripts');
  else for (const s of scripts) if (!files.includes(s)) problems.push(`background script ${s} not in the package`);
  if (m.background?.service_worker) problems.push('background.service_worker (disabled in Firefox)');
  if (m.minimum_chrome_version) problems.push('minimum_chrome_version (Chromium only)');
  const gecko = m.browser_specific_settings?.gecko ?? {};
  if (gecko.id !== GECKO_ID) problems.push(`gecko id ${gecko.id}`);
  if (!/^\d+\.\d+/.test(gecko.strict_min_version ?? '')) problems.push(`strict_min_version ${gecko.strict_min_version}`);
  const required = gecko.data_collection_permissions?.required;
  if (!Array.isArray(required) || required.length === 0) problems.push('no data_collection_permissions.required');
  return problems;
}
