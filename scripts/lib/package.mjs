// What `npm run package` (scripts/package.mjs) writes and how, shared with the test that opens its zips.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';

/** Where the packages go, relative to the repository. */
export const PACKAGES_DIR = 'out/packages';

/** The three files' names for a version. */
export function packageNames(version) {
  return {
    chrome: `unbind-chrome-${version}.zip`,
    firefox: `unbind-firefox-${version}.zip`,
    sources: `unbind-sources-${version}.zip`,
  };
}

/** Every file under dir, as sorted '/'-separated paths relative to it (the names inside a zip). */
export function filesUnder(dir) {
  const walk = (rel) =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
      const name = rel ? `${rel}/${d.name}` : d.name;
      return d.isDirectory() ? walk(name) : [name];
    });
  return walk('').sort();
}

/** Writes a deflated zip of { name, data } entries. */
export function zipFiles(file, entries) {
  const tree = {};
  for (const { name, data } of entries) tree[name] = [new Uint8Array(data), { level: 9 }];
  writeFileSync(file, zipSync(tree));
}

/** A zip's entries (directories left out) as { name: bytes }; throws on a corrupt zip. */
export function readZip(file) {
  const all = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.endsWith('/')));
}

/** BUILD.md of the sources archive: how the reviewers rebuild the Firefox package. */
export function buildSteps({ version, node, npm }) {
  return `# Building Unbind ${version} from these sources

Built for this package on ${process.platform}/${process.arch} with Node ${node} and npm ${npm}
(package.json asks for Node 20.19 or newer).

1. Install the exact dependencies of package-lock.json (nothing is downloaded but npm packages; the test
   browser is not needed to build, so skip Puppeteer's download):

       PUPPETEER_SKIP_DOWNLOAD=1 npm ci

2. Build:

       npm run build

   This runs \`vite build\`: TypeScript and the language/site data (src/, src/data/, scripts/data.ts)
   are bundled and minified into \`dist/\` (the Chrome package), then the same files are copied to
   \`dist-firefox/\` with Firefox's manifest (scripts/firefox-build.ts, scripts/lib/firefox-manifest.mjs).

3. The Firefox add-on is \`dist-firefox/\`: its files equal those of unbind-firefox-${version}.zip.
   \`npm run package\` does all of the above from a clean tree and writes the zips into out/packages/.
`;
}
