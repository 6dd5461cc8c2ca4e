// The benchmark: what Unbind costs a page and how fast it acts, measured in one run on the same
// Chromium with the extension and without it (two browser instances, runs alternated).
//
//   npm run bench                 (BENCH_RUNS=5 grid runs per side, BENCH_TICKS=150 workload ticks of 20 ms,
//                                  BENCH_INSERTS=300 save boxes on the latency page)
//   npm run bench -- --profile    (also: a CPU profile of one grid workload with Unbind, its functions by self time)
//
// Figures are reported, not asserted. Exits non-zero only when something is broken: the build fails,
// the extension does not load or act, or a grid row checkbox ends differently because of the extension.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startFixtureServer } from '../fixtures/server.mjs';
import { DIST, launch } from '../test/support/browser.mjs';
import { profileGrid } from '../test/support/profile.mjs';
import { sleep } from '../test/support/sleep.mjs';
import { buildExtension } from './lib/build.mjs';
import { markdownTable, max, median, min, percentile, textTable } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TICKS = Number(process.env.BENCH_TICKS ?? 150);
const INTERVAL = 20;
const INSERTS = Number(process.env.BENCH_INSERTS ?? 300);
const PROFILE = process.argv.includes('--profile');
const started = Date.now();
const load0 = os.loadavg()[0];
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`);
const problems = [];

// 1. Build (the same vite build as `npm run build`).
log('building: vite build');
try {
  buildExtension();
} catch (err) {
  console.error(`\nbench: ${err.message}; nothing measured.`);
  process.exit(1);
}

const server = await startFixtureServer();
const url = (p) => `${server.originA}/${p}`;
/** @type {{ name: string, label: string, b: Awaited<ReturnType<typeof launch>> }[]} */
const sides = [];
try {
  sides.push({ name: 'with', label: 'with Unbind', b: await launch({ extension: true, hostRules: server.hostRules }) });
  sides.push({ name: 'without', label: 'without', b: await launch({ extension: false, hostRules: server.hostRules }) });
} catch (err) {
  console.error(`bench: could not start Chromium ${sides.length ? 'without' : 'with'} the extension: ${err.message}`);
  await closeAll();
  process.exit(1);
}
const [WITH, WITHOUT] = sides;
const version = (await WITH.b.browser.version()).replace(/^\w*Chrome\//, '');

async function closeAll() {
  for (const s of sides) await s.b.close();
  await server.close();
}

/** A fresh tab with a CDP session and main-thread metrics on. */
async function tab(side) {
  const page = await side.b.browser.newPage();
  const cdp = await page.createCDPSession();
  let domain = 'threadTicks'; // CPU time of the main thread: less disturbed by other processes on 2 cores
  try {
    await cdp.send('Performance.enable', { timeDomain: domain });
  } catch {
    domain = 'timeTicks';
    await cdp.send('Performance.enable');
  }
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { page, cdp, metrics, domain, close: () => page.close().catch(() => {}) };
}

const delta = (a, b) => ({
  task: (b.TaskDuration - a.TaskDuration) * 1000,
  script: (b.ScriptDuration - a.ScriptDuration) * 1000,
  layout: (b.LayoutDuration - a.LayoutDuration) * 1000,
  style: (b.RecalcStyleDuration - a.RecalcStyleDuration) * 1000,
});

// 2. Sanity: the extension loads and acts (and the control browser really has no extension).
async function sanity(side) {
  const t = await tab(side);
  try {
    await t.page.goto(url('checkout/e2e-simple.html'), { waitUntil: 'load' });
    await sleep(400);
    return await t.page.$eval('#save', (el) => el.checked);
  } finally {
    await t.close();
  }
}
const sane = { with: await sanity(WITH), without: await sanity(WITHOUT) };
if (sane.with !== false) problems.push('the extension did not untick the save box on checkout/e2e-simple.html (not loaded or not acting)');
if (sane.without !== true)
  problems.push('the control browser unticked the save box on checkout/e2e-simple.html (is an extension loaded there?)');
log(
  `extension ${WITH.b.extensionId} loaded; e2e-simple save box: with=${sane.with ? 'ticked' : 'unticked'} without=${sane.without ? 'ticked' : 'unticked'}`,
);
if (problems.length) {
  console.error(`bench: ${problems.join('; ')}`);
  await closeAll();
  process.exit(1);
}

// 3. Grid: main-thread cost of the build and of the workload, alternating sides.
async function gridRun(side) {
  const t = await tab(side);
  try {
    await t.page.goto(url('bench/grid.html'), { waitUntil: 'load' });
    await sleep(300);
    const m0 = await t.metrics();
    const afterBuild = await t.page.evaluate(() => window.__build());
    await sleep(300);
    const m1 = await t.metrics();
    const end = await t.page.evaluate((o) => window.__workload(o), { ticks: TICKS, interval: INTERVAL });
    await sleep(300);
    const m2 = await t.metrics();
    return { domain: t.domain, nodes: afterBuild.nodes, build: delta(m0, m1), work: delta(m1, m2), end };
  } finally {
    await t.close();
  }
}

const grid = { with: [], without: [] };
for (let i = 0; i < RUNS; i++) {
  for (const side of i % 2 ? [WITHOUT, WITH] : [WITH, WITHOUT]) {
    const r = await gridRun(side);
    grid[side.name].push(r);
    log(
      `grid ${side.name.padEnd(7)} run ${i + 1}/${RUNS}: workload task ${r.work.task.toFixed(0)} ms, script ${r.work.script.toFixed(0)} ms ` +
        `(${r.end.ticks} ticks in ${(r.end.ms / 1000).toFixed(1)} s); build ${r.build.task.toFixed(0)} ms; rows ${r.end.rows}, ticked ${r.end.checked}, ` +
        `checksum ${r.end.checksum}, change events ${r.end.changeEvents}`,
    );
  }
}
const sums = (side) => [...new Set(grid[side].map((r) => r.end.checksum))];
if (sums('without').length !== 1) problems.push(`the grid workload is not deterministic: control checksums ${sums('without').join(', ')}`);
const rowsChanged = grid.with.reduce((n, r) => n + r.end.changeEvents, 0);
const sumsDiffer = sums('with').some((c) => c !== sums('without')[0]);
if (rowsChanged || sumsDiffer) {
  problems.push(
    `the extension changed grid row checkboxes (${rowsChanged} change events; checksums with ${sums('with').join(', ')} vs without ${sums('without').join(', ')})`,
  );
}

// 4. Latency from inserting a pre-ticked save box to its change event, with paint sampling.
async function latencyRun(side) {
  const t = await tab(side);
  try {
    await t.page.goto(url('bench/latency.html'), { waitUntil: 'load' });
    await sleep(300);
    return await t.page.evaluate((n) => window.__latency(n), INSERTS);
  } finally {
    await t.close();
  }
}
async function paintRun(side) {
  const t = await tab(side);
  try {
    await t.page.goto(url('checkout/e2e-paint.html'), { waitUntil: 'load' });
    await sleep(1600);
    return await t.page.evaluate(() => window.__paint);
  } finally {
    await t.close();
  }
}
const lat = {},
  paint = {};
for (const side of sides) {
  lat[side.name] = await latencyRun(side);
  paint[side.name] = await paintRun(side);
  const l = lat[side.name];
  log(
    `latency ${side.name.padEnd(7)}: ${l.changeEvents}/${l.inserted} change events, ${l.unticked}/${l.inserted} unticked, ` +
      `ticked in ${l.paint.tickedPaints}/${l.paint.paints} paints; e2e-paint ticked in ${paint[side.name].tickedPaints}/${paint[side.name].paints} paints`,
  );
}
if (lat.with.unticked === 0) problems.push('the extension unticked none of the inserted save boxes on bench/latency.html');

// 5. Profile (optional).
let profile = null;
if (PROFILE) {
  log('profiling one grid workload with Unbind');
  profile = await profileGrid(WITH.b.browser, url('bench/grid.html'), { ticks: TICKS, interval: INTERVAL });
}

await closeAll();

// 6. Sizes.
const size = (rel) => {
  const buf = readFileSync(path.join(DIST, rel));
  return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
};
const content = size('src/content/index.js');
const hook = size('src/content/shadow-hook.js');

// 7. Report.
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : 'n/a');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const spread = (xs) => `${ms(median(xs))} (${ms(min(xs))}–${ms(max(xs))})`;
const pick = (side, f) => grid[side].map(f);
const wTask = pick('with', (r) => r.work.task),
  oTask = pick('without', (r) => r.work.task);
const wScript = pick('with', (r) => r.work.script),
  oScript = pick('without', (r) => r.work.script);
const wBuild = pick('with', (r) => r.build.task),
  oBuild = pick('without', (r) => r.build.task);
const ratio = median(wTask) / median(oTask);
const pairRatios = wTask.map((w, i) => w / oTask[i]);
const buildRatio = median(wBuild) / median(oBuild);
const lw = lat.with.latencies;
const p50 = percentile(lw, 50),
  p95 = percentile(lw, 95);
const domain = grid.with[0]?.domain === 'threadTicks' ? 'CPU' : 'wall';
const nodes = grid.with[0]?.nodes ?? 0;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
const paintWith = lat.with.paint.tickedPaints + paint.with.tickedPaints;

const rows = [
  [`Unbind benchmark (Chromium ${version}, ${os.cpus().length} cores)`, 'with Unbind', 'without', 'target', 'result'],
  [
    `grid workload: main-thread task time, ms ${domain} (median of ${RUNS}, min–max)`,
    spread(wTask),
    spread(oTask),
    'ratio <= 1.05',
    `${ratio.toFixed(3)}x ${verdict(ratio <= 1.05)}`,
  ],
  [
    'grid workload: per-pair ratio with/without (median, min–max)',
    `${median(pairRatios).toFixed(3)}x (${min(pairRatios).toFixed(3)}–${max(pairRatios).toFixed(3)})`,
    '',
    '',
    '',
  ],
  [
    `grid workload: script time, ms ${domain} (median, min–max)`,
    spread(wScript),
    spread(oScript),
    '',
    `+${ms(median(wScript) - median(oScript))} ms`,
  ],
  [
    `grid workload: wall time for ${TICKS} ticks of ${INTERVAL} ms, s (median)`,
    (median(pick('with', (r) => r.end.ms)) / 1000).toFixed(1),
    (median(pick('without', (r) => r.end.ms)) / 1000).toFixed(1),
    `${((TICKS * INTERVAL) / 1000).toFixed(1)} if never late`,
    '',
  ],
  [
    `grid build (${nodes.toLocaleString('en')} nodes): task time, ms ${domain} (median)`,
    spread(wBuild),
    spread(oBuild),
    '',
    `${buildRatio.toFixed(3)}x`,
  ],
  [
    'grid row checkboxes changed by the extension (change events; checksum)',
    `${rowsChanged}; ${sums('with').join(',')}`,
    `0; ${sums('without').join(',')}`,
    '0, same checksum',
    verdict(!rowsChanged && !sumsDiffer),
  ],
  [
    `insert pre-ticked save box -> change event, p50 / p95 ms (${INSERTS} inserts)`,
    `${ms(p50)} / ${ms(p95)}`,
    'n/a',
    'p95 < 1 ms',
    verdict(p95 < 1),
  ],
  ['insert -> change: first insertion (cold, regexes compile on first use) / slowest, ms', `${ms(lw[0])} / ${ms(max(lw))}`, 'n/a', '', ''],
  [
    'save boxes unticked (of inserted)',
    `${lat.with.unticked}/${lat.with.inserted}`,
    `${lat.without.unticked}/${lat.without.inserted}`,
    'all',
    verdict(lat.with.unticked === lat.with.inserted),
  ],
  [
    'paints with a save box ticked: latency page',
    `${lat.with.paint.tickedPaints} of ${lat.with.paint.paints}`,
    `${lat.without.paint.tickedPaints} of ${lat.without.paint.paints}`,
    '0 with',
    verdict(lat.with.paint.tickedPaints === 0),
  ],
  [
    'paints with a save box ticked: e2e-paint page',
    `${paint.with.tickedPaints} of ${paint.with.paints}`,
    `${paint.without.tickedPaints} of ${paint.without.paints}`,
    '0 with',
    verdict(paint.with.tickedPaints === 0),
  ],
  [
    'content script dist/src/content/index.js, raw / gzip',
    `${kb(content.raw)} / ${kb(content.gz)}`,
    '',
    'gzip <= 20 KB',
    verdict(content.gz <= 20 * 1024),
  ],
  ['MAIN-world hook dist/src/content/shadow-hook.js, raw / gzip', `${hook.raw} B / ${hook.gz} B`, '', '', ''],
];

if (paintWith === 0 && lat.without.paint.tickedPaints + paint.without.tickedPaints === 0) {
  problems.push('the paint sampler saw no ticked paint even without the extension: the sampler is not working');
}

console.log(`\n${textTable(rows)}\n`);
console.log(
  `grid: ${TICKS} ticks of ${INTERVAL} ms (insert 20 rows, remove 20, edit 30 cells, toggle 10 row boxes); ` +
    `task time = Performance.getMetrics TaskDuration delta (${grid.with[0]?.domain}); runs alternated with/without.`,
);
console.log(
  'latency: performance.now() in a page that is not cross-origin isolated is coarsened to 0.1 ms, so latencies come in 0.1 ms steps.',
);
console.log(
  'A side whose task time per tick exceeds the tick interval falls behind and paints fewer times per tick, so its ratio is, if anything, understated.',
);
console.log(
  `bench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${load0.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end\n`,
);
console.log(markdownTable(rows));
if (profile) console.log(`\n${profile}`);
if (problems.length) {
  console.error(`\nbench: BROKEN\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
