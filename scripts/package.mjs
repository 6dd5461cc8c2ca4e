// `npm run package`: the store packages, from a clean build, into out/packages/:
//   unbind-chrome-<version>.zip    for the Chrome Web Store (dist/)
//   unbind-firefox-<version>.zip   for addons.mozilla.org (dist-firefox/, zipped and linted by web-ext)
//   unbind-sources-<version>.zip   for Firefox's reviewers: the tracked files and BUILD.md
// <version> is package.json's, and must equal each manifest's. Zips are written with fflate (no `zip`
// binary: the machines CI uses are not promised one); web-ext makes the Firefox one, as AMO expects.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIREFOX_DIST } from './lib/firefox-manifest.mjs';
import { buildSteps, filesUnder, PACKAGES_DIR, packageNames, zipFiles } from './lib/package.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Runs a command in the repository, failing the packaging on a non-zero exit. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  return r;
}

function main() {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const names = packageNames(version);
  const dist = path.join(ROOT, 'dist');
  const distFirefox = path.join(ROOT, FIREFOX_DIST);
  const outDir = path.join(ROOT, PACKAGES_DIR);

  // A clean build, with no source maps (UNBIND_SOURCEMAP is the size report's switch: never here).
  for (const dir of [dist, distFirefox, outDir]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // NODE_ENV is production whoever calls (vitest sets it to test, which gives preact's debug build).
  const { UNBIND_SOURCEMAP: _maps, ...env } = process.env;
  run(bin('vite'), ['build'], { env: { ...env, NODE_ENV: 'production' } });

  for (const dir of [dist, distFirefox]) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    if (manifest.version !== version)
      throw new Error(`${path.basename(dir)}/manifest.json has version ${manifest.version}, package.json ${version}`);
    const maps = filesUnder(dir).filter((f) => f.endsWith('.map'));
    if (maps.length) throw new Error(`source maps in ${path.basename(dir)}/: ${maps.join(', ')}`);
  }

  // Chrome: the files of dist/, manifest.json at the zip's root (as the Web Store wants).
  zipFiles(
    path.join(outDir, names.chrome),
    filesUnder(dist).map((f) => ({ name: f, data: readFileSync(path.join(dist, f)) })),
  );

  // Firefox: web-ext's own zip, then its lint (the checks AMO runs on upload). Errors fail the packaging;
  // warnings are printed (the README says why each one stays).
  run(bin('web-ext'), [
    'build',
    '--source-dir',
    distFirefox,
    '--artifacts-dir',
    outDir,
    '--filename',
    names.firefox,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  const lint = spawnSync(bin('web-ext'), ['lint', '--source-dir', distFirefox, '--output', 'json', '--no-config-discovery'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const report = JSON.parse(lint.stdout);
  for (const m of [...report.errors, ...report.warnings]) console.log(`web-ext lint ${m._type}: ${m.code} ${m.file ?? ''} ${m.message}`);
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  if (report.summary.errors > 0) throw new Error('web-ext lint found errors in the Firefox package');

  // Sources for the reviewers: what git tracks (so never node_modules, dist, out), as the working tree
  // has it, plus BUILD.md. A change not yet committed would be in the archive too: say so.
  const tracked = run('git', ['ls-files', '-z'], { stdio: ['ignore', 'pipe', 'inherit'] })
    .stdout.split('\0')
    .filter((f) => f && !/^(node_modules|dist|dist-firefox|out)\//.test(f));
  const missing = tracked.filter((f) => !existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`tracked files missing from the working tree: ${missing.join(', ')}`);
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no'], { stdio: ['ignore', 'pipe', 'inherit'] }).stdout;
  if (dirty.trim()) console.warn('Warning: uncommitted changes to tracked files go into the sources archive as they are.');
  const npmVersion = run('npm', ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] }).stdout.trim();
  zipFiles(path.join(outDir, names.sources), [
    ...tracked.map((f) => ({ name: f, data: readFileSync(path.join(ROOT, f)) })),
    { name: 'BUILD.md', data: Buffer.from(buildSteps({ version, node: process.version, npm: npmVersion })) },
  ]);

  writeFileSync(path.join(ROOT, 'out', 'lint-firefox.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const name of Object.values(names)) {
    const size = readFileSync(path.join(outDir, name)).length;
    console.log(`${path.join(PACKAGES_DIR, name)}  ${(size / 1024).toFixed(1)} KB`);
  }
}

try {
  main();
} catch (e) {
  console.error(`npm run package: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
