// The benchmark: what Unbind costs a page and how fast it acts, measured in one run on the same
// Chromium with the extension, without it, and with two floors below (a browser instance each, runs alternated).
//
//   npm run bench                 (BENCH_RUNS=7 runs per side of each grid, BENCH_TICKS=150 workload ticks of 20 ms,
//                                  BENCH_INSERTS=300 save boxes per latency run, BENCH_LATENCY_RUNS=5 latency runs,
//                                  BENCH_FRAME_RUNS=15 loads per side of the page with 30 frames)
//   npm run bench -- --profile    (also: a CPU profile of each grid workload with Unbind, its functions by self time)
//   npm run bench -- --trace      (also: where each frame's start-up goes on the page with 30 frames, from a trace)
//   BENCH_PARTS=grid,frames npm run bench   (only some parts: grid, virtual, latency, frames; sizes always)
//
// Beside Unbind, two reference extensions give the grid and frame budgets their floor: what any guard that
// unticks before paint costs whatever it decides (an observer and a `checked` setter that do nothing),
// with the observer in an isolated world as Unbind's, and in the page's own world. A third, on the page
// with 30 frames only, is an empty content script: what the platform charges any extension for a script
// in every frame.
//
// Figures are reported, not asserted. Exits non-zero only when something is broken: the build fails,
// the extension does not load or act, or a grid row checkbox ends differently because of the extension.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../fixtures/server.mjs';
import { DIST, launch, ROOT } from '../test/support/browser.mjs';
import { traceLoads, traceTable } from '../test/support/frame-trace.mjs';
import { profileGrid } from '../test/support/profile.mjs';
import { sleep } from '../test/support/sleep.mjs';
import { buildExtension } from './lib/build.mjs';
import { everyPageScripts, splitScript } from './lib/size.mjs';
import { markdownTable, max, median, min, percentile, textTable } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TICKS = Number(process.env.BENCH_TICKS ?? 150);
const INTERVAL = 20;
const INSERTS = Number(process.env.BENCH_INSERTS ?? 300);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 5);
const FRAME_RUNS = Number(process.env.BENCH_FRAME_RUNS ?? 15);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'grid,virtual,latency,frames').split(','));
const PROFILE = process.argv.includes('--profile');
const TRACE = process.argv.includes('--trace') && PARTS.has('frames');
const TRACE_LOADS = 3;
const started = Date.now();
const load0 = os.loadavg()[0];
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`);
const problems = [];

// 1. Build (the same vite build as `npm run build`).
log('building: vite build (with hidden source maps, for the size split)');
try {
  buildExtension({ UNBIND_SOURCEMAP: 'hidden' });
} catch (err) {
  console.error(`\nbench: ${err.message}; nothing measured.`);
  process.exit(1);
}

const server = await startFixtureServer();
const url = (p) => `${server.originA}/${p}`;
/** @type {{ name: string, label: string, b: Awaited<ReturnType<typeof launch>> }[]} */
const sides = [];
/** The reference sides (below). */
const FLOORS = [];
try {
  sides.push({ name: 'with', label: 'with Unbind', b: await launch({ extension: true, hostRules: server.hostRules }) });
  sides.push({ name: 'without', label: 'without', b: await launch({ extension: false, hostRules: server.hostRules }) });
} catch (err) {
  console.error(`bench: could not start Chromium ${sides.length ? 'without' : 'with'} the extension: ${err.message}`);
  await closeAll();
  process.exit(1);
}
const [WITH, WITHOUT] = sides;

/** The floors: the least a guard that unticks before paint must run in every frame, doing nothing with
 *  it. A mutation observer on the document with the guard's options, its callback reading each record's
 *  added nodes (a box inserted ticked), and a `checked` setter in the page's world that only passes the
 *  value on (a box ticked later through the property, which no observer sees). Two reference extensions,
 *  each in a temporary folder and a browser of its own, differ only in where the observer runs:
 *  `floor` in the content scripts' isolated world, as Unbind's guard does; `page floor` in the page's
 *  own world, which needs no second JavaScript world in each frame and no wrapper there for each node it
 *  reads. Unbind's own work is what it costs beyond `floor`; the gap between the two floors is what the
 *  isolated world itself costs. */
const floorDirs = [];
const SETTER = `{
  const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked');
  Object.defineProperty(HTMLInputElement.prototype, 'checked', { ...d, set(v) { d.set.call(this, v); } });
}
`;
const OBSERVER = `new MutationObserver((records) => {
  for (let i = 0; i < records.length; i++) {
    const added = records[i].addedNodes;
    for (let j = 0; j < added.length; j++) added[j].nodeType;
  }
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['checked', 'aria-checked', 'aria-pressed'] });
`;
/** A reference extension in a temporary folder and a browser of its own: `scripts` maps each file to the
 *  world it runs in and its code, in every frame at document_start. */
async function referenceSide(name, scripts) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unbind-floor-'));
  floorDirs.push(dir);
  const content_scripts = Object.entries(scripts).map(([file, { world, code }]) => {
    writeFileSync(path.join(dir, file), code);
    return { matches: ['<all_urls>'], js: [file], run_at: 'document_start', all_frames: true, match_origin_as_fallback: true, world };
  });
  const manifest = {
    manifest_version: 3,
    name: `Guard ${name} (bench reference)`,
    version: '1.0',
    host_permissions: ['<all_urls>'],
    content_scripts,
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { name, label: name, b: await launch({ extension: true, extensionDir: dir, hostRules: server.hostRules }) };
}
const floorSide = (name, observerWorld) =>
  referenceSide(name, { 'observer.js': { world: observerWorld, code: OBSERVER }, 'setter.js': { world: 'MAIN', code: SETTER } });
if (['grid', 'virtual', 'frames'].some((p) => PARTS.has(p))) {
  FLOORS.push(await floorSide('floor', 'ISOLATED'), await floorSide('page floor', 'MAIN'));
}
/** For the page with 30 frames only: the least any extension pays that has a content script in every
 *  frame, one statement that does nothing, in an isolated world. Its cost is the platform's, not a guard's. */
const EMPTY = [];
if (PARTS.has('frames')) EMPTY.push(await referenceSide('empty script', { 'empty.js': { world: 'ISOLATED', code: ';\n' } }));
/** All sides in run i's order: alternated, so that none always goes first. */
const inTurn = (i, extra = []) => {
  const order = [WITH, WITHOUT, ...FLOORS, ...extra];
  return i % 2 ? order.reverse() : order;
};
const version = (await WITH.b.browser.version()).replace(/^\w*Chrome\//, '');

async function closeAll() {
  for (const s of sides) await s.b.close();
  for (const f of [...FLOORS, ...EMPTY]) await f.b.close();
  for (const dir of floorDirs) rmSync(dir, { recursive: true, force: true });
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

// 3. Grids: main-thread cost of the build and of the workload, alternating sides. `grid`: a large grid
// edited in place (rows inserted, removed, edited, row boxes toggled); `virtual`: a virtualised grid
// whose rows are removed and re-created as it scrolls, one row box in seven ticked.
const GRIDS = {
  grid: { page: 'bench/grid.html', name: 'grid' },
  virtual: { page: 'bench/virtual-grid.html', name: 'virtualised grid' },
};
async function gridRun(side, g) {
  const t = await tab(side);
  try {
    await t.page.goto(url(g.page), { waitUntil: 'load' });
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

/** @type {Record<string, Record<string, any[]>>} */
const grids = {};
for (const [key, g] of Object.entries(GRIDS)) {
  if (!PARTS.has(key)) continue;
  const grid = { with: [], without: [], floor: [], 'page floor': [] };
  grids[key] = grid;
  for (let i = 0; i < RUNS; i++) {
    for (const side of inTurn(i)) {
      const r = await gridRun(side, g);
      grid[side.name].push(r);
      log(
        `${key} ${side.name.padEnd(10)} run ${i + 1}/${RUNS}: workload task ${r.work.task.toFixed(0)} ms, script ${r.work.script.toFixed(0)} ms ` +
          `(${r.end.ticks} ticks in ${(r.end.ms / 1000).toFixed(1)} s); build ${r.build.task.toFixed(0)} ms; rows ${r.end.rows}, ticked ${r.end.checked}, ` +
          `checksum ${r.end.checksum}, change events ${r.end.changeEvents}`,
      );
    }
  }
  const sums = (side) => [...new Set(grid[side].map((r) => r.end.checksum))];
  grid.sums = sums;
  if (sums('without').length !== 1)
    problems.push(`the ${g.name} workload is not deterministic: control checksums ${sums('without').join(', ')}`);
  grid.rowsChanged = grid.with.reduce((n, r) => n + r.end.changeEvents, 0);
  grid.sumsDiffer = sums('with').some((c) => c !== sums('without')[0]);
  if (grid.rowsChanged || grid.sumsDiffer) {
    problems.push(
      `the extension changed ${g.name} row checkboxes (${grid.rowsChanged} change events; checksums with ${sums('with').join(', ')} vs without ${sums('without').join(', ')})`,
    );
  }
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
// Runs with Unbind: LATENCY_RUNS (each its own tab, so each starts cold); without: one, for the samplers.
const lat = { with: [], without: [] },
  paint = { with: [], without: [] };
if (PARTS.has('latency')) {
  for (const side of sides) {
    const n = side === WITH ? LATENCY_RUNS : 1;
    for (let i = 0; i < n; i++) {
      const l = await latencyRun(side);
      const pt = await paintRun(side);
      lat[side.name].push(l);
      paint[side.name].push(pt);
      log(
        `latency ${side.name.padEnd(7)} run ${i + 1}/${n}: ${l.changeEvents}/${l.inserted} change events, ${l.unticked}/${l.inserted} unticked, ` +
          `p95 ${percentile(l.latencies, 95)?.toFixed(2)} ms, ticked in ${l.paint.tickedPaints}/${l.paint.paints} paints; e2e-paint ticked in ${pt.tickedPaints}/${pt.paints} paints`,
      );
    }
  }
  if (lat.with.some((l) => l.unticked === 0)) problems.push('the extension unticked none of the inserted save boxes on bench/latency.html');
}

// 5. A page with 30 frames, half cross-site, no checkbox anywhere: load time (navigation start to the
// load event, which waits for every frame), alternating sides, after one discarded load per side.
async function frameLoad(side) {
  const t = await tab(side);
  try {
    await t.page.goto(url('bench/frames.html'), { waitUntil: 'load' });
    const r = await t.page.evaluate(() => ({ loadedAt: window.__loadedAt, frames: window.frames.length }));
    return { ...r, framesSeen: t.page.frames().length - 1 };
  } finally {
    await t.close();
  }
}
const frames = { with: [], without: [], floor: [], 'page floor': [], 'empty script': [] };
if (PARTS.has('frames')) {
  for (const side of inTurn(0, EMPTY)) await frameLoad(side); // warm-up: the first load also starts processes
  for (let i = 0; i < FRAME_RUNS; i++) {
    for (const side of inTurn(i, EMPTY)) {
      const r = await frameLoad(side);
      frames[side.name].push(r);
      log(`frames ${side.name.padEnd(10)} run ${i + 1}/${FRAME_RUNS}: load event at ${r.loadedAt.toFixed(0)} ms, ${r.frames} frames`);
    }
  }
  if (frames.with.some((r) => r.frames !== 30)) problems.push('the page with 30 frames did not load its 30 frames');
}

// 6. Profile (optional).
const profiles = [];
if (PROFILE) {
  for (const [key, g] of Object.entries(GRIDS)) {
    if (!PARTS.has(key)) continue;
    log(`profiling one ${g.name} workload with Unbind`);
    profiles.push(await profileGrid(WITH.b.browser, url(g.page), { ticks: TICKS, interval: INTERVAL }, g.name));
  }
}

// 7. Trace (optional): where a frame's start-up goes, each side.
let traced = '';
if (TRACE) {
  const sidesTraced = [];
  for (const side of inTurn(0, EMPTY)) {
    log(`tracing ${TRACE_LOADS} loads of the page with 30 frames: ${side.label}`);
    sidesTraced.push({ label: side.label, trace: await traceLoads(side.b.browser, url('bench/frames.html'), TRACE_LOADS) });
  }
  traced = traceTable(sidesTraced, TRACE_LOADS);
}

await closeAll();

// 8. Sizes: the scripts that run in every frame of every page, gzipped, split by what the bytes are for.
const scripts = everyPageScripts(DIST).map((rel) => ({ rel, ...splitScript(path.join(DIST, rel)) }));
const PART_NAMES = ['code', 'validation', 'language data'];
const languages = readdirSync(path.join(ROOT, 'src/data/lang')).filter((f) => f.endsWith('.json')).length;

// 9. Report.
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : 'n/a');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const spread = (xs) => `${ms(median(xs))} (${ms(min(xs))}–${ms(max(xs))})`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
const header = [
  `Unbind benchmark (Chromium ${version}, ${os.cpus().length} cores, load ${load0.toFixed(1)})`,
  'with Unbind',
  'without',
  'target',
  'result',
];
const rows = [header];
const FLOOR_WHAT = 'the floor instead of Unbind (an observer and a checked setter that do nothing)';
const PAGE_FLOOR_WHAT = "the page floor (the same observer in the page's world, not an isolated one)";
/** A reference side beside the control: its figures and its ratio to it. */
const referenceRow = (what, xs, base) => [
  `${what}; ratio to without (median; per-pair median)`,
  spread(xs),
  spread(base),
  'reference',
  `${(median(xs) / median(base)).toFixed(3)}x; ${median(xs.map((x, i) => x / base[i])).toFixed(3)}x`,
];
const EMPTY_WHAT = 'an empty content script (one statement) in every frame, in an isolated world';
/** Unbind against a reference it was measured beside, run for run. */
const overRow = (what, w, f) => [
  `${what} (median ratio; per-pair median)`,
  '',
  '',
  '',
  `${(median(w) / median(f)).toFixed(3)}x; ${median(w.map((x, i) => x / f[i])).toFixed(3)}x`,
];
const overFloorRow = (what, w, f) => overRow(`${what}: Unbind over the floor`, w, f);

for (const [key, grid] of Object.entries(grids)) {
  const name = GRIDS[key].name;
  const pick = (side, f) => grid[side].map(f);
  const wTask = pick('with', (r) => r.work.task),
    oTask = pick('without', (r) => r.work.task),
    fTask = pick('floor', (r) => r.work.task),
    pTask = pick('page floor', (r) => r.work.task);
  const wBuild = pick('with', (r) => r.build.task),
    oBuild = pick('without', (r) => r.build.task);
  const ratio = median(wTask) / median(oTask);
  const pairRatios = wTask.map((w, i) => w / oTask[i]);
  const domain = grid.with[0]?.domain === 'threadTicks' ? 'CPU' : 'wall';
  rows.push(
    [
      `${name} workload: main-thread task time, ms ${domain} (median of ${RUNS}, min–max)`,
      spread(wTask),
      spread(oTask),
      'ratio <= 1.05',
      `${ratio.toFixed(3)}x ${verdict(ratio <= 1.05)}`,
    ],
    [
      `${name} workload: per-pair ratio with/without (median, min–max)`,
      `${median(pairRatios).toFixed(3)}x (${min(pairRatios).toFixed(3)}–${max(pairRatios).toFixed(3)})`,
      '',
      '',
      '',
    ],
    [
      `${name} workload: script time, ms ${domain} (median, min–max)`,
      spread(pick('with', (r) => r.work.script)),
      spread(pick('without', (r) => r.work.script)),
      '',
      `+${ms(median(pick('with', (r) => r.work.script)) - median(pick('without', (r) => r.work.script)))} ms`,
    ],
    [
      `${name} build (${(grid.with[0]?.nodes ?? 0).toLocaleString('en')} nodes): task time, ms ${domain} (median)`,
      spread(wBuild),
      spread(oBuild),
      '',
      `${(median(wBuild) / median(oBuild)).toFixed(3)}x`,
    ],
    referenceRow(`${name} workload, ${FLOOR_WHAT}: ms ${domain}`, fTask, oTask),
    referenceRow(`${name} workload, ${PAGE_FLOOR_WHAT}: ms ${domain}`, pTask, oTask),
    overFloorRow(`${name} workload`, wTask, fTask),
    [
      `${name} row checkboxes changed by the extension (change events; checksum)`,
      `${grid.rowsChanged}; ${grid.sums('with').join(',')}`,
      `0; ${grid.sums('without').join(',')}`,
      '0, same checksum',
      verdict(!grid.rowsChanged && !grid.sumsDiffer),
    ],
  );
}

if (lat.with.length) {
  const all = lat.with.flatMap((l) => l.latencies);
  const runP95 = lat.with.map((l) => percentile(l.latencies, 95));
  const p95 = percentile(all, 95);
  const worst = max(runP95);
  const ticked = (list, f) => `${list.reduce((n, x) => n + f(x).tickedPaints, 0)} of ${list.reduce((n, x) => n + f(x).paints, 0)}`;
  const tickedWith = [...lat.with.map((l) => l.paint), ...paint.with].reduce((n, x) => n + x.tickedPaints, 0);
  rows.push(
    [
      `insert pre-ticked save box -> change event, p50 / p95 ms (${LATENCY_RUNS} runs of ${INSERTS} inserts, pooled)`,
      `${ms(percentile(all, 50))} / ${ms(p95)}`,
      'n/a',
      'p95 < 1 ms',
      verdict(p95 < 1),
    ],
    ['insert -> change: p95 of each run (median; worst run)', `${ms(median(runP95))}; ${ms(worst)}`, 'n/a', '', verdict(worst < 1)],
    [
      'insert -> change: first insertion of a run (cold: tables built on first use), median / slowest; slowest of all, ms',
      `${ms(median(lat.with.map((l) => l.latencies[0])))} / ${ms(max(lat.with.map((l) => l.latencies[0])))}; ${ms(max(all))}`,
      'n/a',
      '',
      '',
    ],
    [
      'save boxes unticked (of inserted)',
      `${lat.with.reduce((n, l) => n + l.unticked, 0)}/${lat.with.reduce((n, l) => n + l.inserted, 0)}`,
      `${lat.without.reduce((n, l) => n + l.unticked, 0)}/${lat.without.reduce((n, l) => n + l.inserted, 0)}`,
      'all',
      verdict(lat.with.every((l) => l.unticked === l.inserted)),
    ],
    [
      'paints with a save box ticked: latency page (all runs)',
      ticked(lat.with, (l) => l.paint),
      ticked(lat.without, (l) => l.paint),
      '0 with',
      verdict(lat.with.every((l) => l.paint.tickedPaints === 0)),
    ],
    [
      'paints with a save box ticked: e2e-paint page (all runs)',
      ticked(paint.with, (x) => x),
      ticked(paint.without, (x) => x),
      '0 with',
      verdict(paint.with.every((x) => x.tickedPaints === 0)),
    ],
  );
  if (tickedWith === 0 && [...lat.without.map((l) => l.paint), ...paint.without].every((x) => x.tickedPaints === 0)) {
    problems.push('the paint sampler saw no ticked paint even without the extension: the sampler is not working');
  }
}

if (frames.with.length) {
  const w = frames.with.map((r) => r.loadedAt),
    o = frames.without.map((r) => r.loadedAt);
  const ratio = median(w) / median(o);
  const pairs = w.map((x, i) => x / o[i]);
  rows.push(
    [
      `page with 30 frames (15 cross-site), no checkbox: load event, ms wall (median of ${FRAME_RUNS}, min–max)`,
      spread(w),
      spread(o),
      'ratio <= 1.05',
      `${ratio.toFixed(3)}x ${verdict(ratio <= 1.05)}`,
    ],
    [
      'page with 30 frames: per-pair ratio with/without (median, min–max)',
      `${median(pairs).toFixed(3)}x (${min(pairs).toFixed(3)}–${max(pairs).toFixed(3)})`,
      '',
      '',
      '',
    ],
  );
  const f = frames.floor.map((r) => r.loadedAt);
  rows.push(
    referenceRow(`same page, ${FLOOR_WHAT} in every frame: ms wall`, f, o),
    referenceRow(
      `same page, ${PAGE_FLOOR_WHAT}: ms wall`,
      frames['page floor'].map((r) => r.loadedAt),
      o,
    ),
    overFloorRow('same page', w, f),
  );
  const e = frames['empty script'].map((r) => r.loadedAt);
  rows.push(referenceRow(`same page, ${EMPTY_WHAT}: ms wall`, e, o), overRow('same page: Unbind over the empty content script', w, e));
}

const total = { raw: 0, gz: 0 };
const byPart = Object.fromEntries(PART_NAMES.map((k) => [k, 0]));
for (const sc of scripts) {
  total.raw += sc.whole.raw;
  total.gz += sc.whole.gz;
  for (const k of PART_NAMES) byPart[k] += sc.parts?.[k]?.gz ?? 0;
}
rows.push([
  `scripts run on every page (${scripts.map((sc) => path.basename(sc.rel)).join(' + ')}), raw / gzip`,
  `${kb(total.raw)} / ${kb(total.gz)}`,
  '',
  `gzip <= 30 KB with 30 languages (${languages} now)`,
  verdict(total.gz <= 30 * 1024),
]);
for (const sc of scripts) rows.push([`  ${sc.rel}, raw / gzip`, `${kb(sc.whole.raw)} / ${kb(sc.whole.gz)}`, '', '', '']);
rows.push([
  '  of which, gzipped alone: code / validation (zod, schemas) / language data',
  PART_NAMES.map((k) => kb(byPart[k])).join(' / '),
  '',
  '',
  scripts.some((sc) => !sc.parts) ? 'no source map: split unknown' : '',
]);

console.log(`\n${textTable(rows)}\n`);
if (grids.grid) {
  console.log(
    `grid: ${TICKS} ticks of ${INTERVAL} ms (insert 20 rows, 1 in 5 ticked, remove 20, edit 30 cells, toggle 10 row boxes); ` +
      `task time = Performance.getMetrics TaskDuration delta (${grids.grid.with[0]?.domain}); runs alternated with/without.`,
  );
}
if (grids.virtual) {
  console.log(
    `virtualised grid: ${TICKS} ticks of ${INTERVAL} ms (scroll 6 rows: 6 rows removed, 6 created, 1 in 7 ticked; one row re-rendered with its selection toggled), down then back up.`,
  );
}
if (lat.with.length)
  console.log(
    'latency: performance.now() in a page that is not cross-origin isolated is coarsened to 0.1 ms, so latencies come in 0.1 ms steps.',
  );
console.log(
  'A side whose task time per tick exceeds the tick interval falls behind and paints fewer times per tick, so its ratio is, if anything, understated.',
);
console.log(
  'Sizes: gzip -9 of each script; the parts are gzipped alone, so they add up to about the whole. Bytes are attributed through the source map ' +
    '(validation: zod, src/shared/messages.ts, src/storage/records.ts, src/card-hunt/place.ts; language data: the generated data module).',
);
console.log(
  `bench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${load0.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end\n`,
);
console.log(markdownTable(rows));
for (const profile of profiles) console.log(`\n${profile}`);
if (traced) console.log(`\n${traced}`);
if (problems.length) {
  console.error(`\nbench: BROKEN\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
