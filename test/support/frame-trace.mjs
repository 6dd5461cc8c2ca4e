// Where a frame's start-up goes: a Chromium trace of page loads, the renderers' main threads only, CPU
// time of the events that belong to the extension's scripts (by their chrome-extension:// URL), and of
// the JavaScript contexts the renderers make. Used by `npm run bench -- --trace` on the page with 30
// frames, for Unbind and the floors side by side.
import { sleep } from './sleep.mjs';

const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'blink', 'loading', 'extensions'];

/** What each row counts: trace event names, summed over the extension's scripts unless `all`. */
const ROWS = [
  { what: 'compiling the scripts (v8.compile)', names: ['v8.compile'] },
  { what: 'running them at injection (v8.run, the compile excluded)', names: ['v8.run'] },
  { what: 'their callbacks later (observer records, events: FunctionCall)', names: ['FunctionCall'] },
  { what: 'all script injection, per frame and script (ScriptInjection::InjectJs)', names: ['ScriptInjection::InjectJs'], all: true },
  { what: 'making JavaScript contexts, every world (LocalWindowProxy::Initialize)', names: ['LocalWindowProxy::Initialize'], all: true },
];

/**
 * @param {import('puppeteer').Browser} browser
 * @param {string} url
 * @param {number} loads traced loads (after one untraced)
 * @returns {Promise<{ frames: number, ms: number[] }>} per load, in ROWS' order, CPU ms
 */
export async function traceLoads(browser, url, loads) {
  const sums = ROWS.map(() => 0);
  let frames = 0;
  for (let i = 0; i <= loads; i++) {
    const page = await browser.newPage();
    try {
      if (i > 0) await page.tracing.start({ categories: CATEGORIES });
      await page.goto(url, { waitUntil: 'load' });
      if (i === 0) continue;
      frames = page.frames().length;
      const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
      add(sums, traceEvents);
    } finally {
      await page.close().catch(() => {});
      await sleep(100);
    }
  }
  return { frames, ms: sums.map((s) => s / loads) };
}

function add(sums, events) {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000; // thread (CPU) time where the trace has it
    const url = String(e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.fileName ?? '');
    ROWS.forEach((row, k) => {
      if (row.names.includes(e.name) && (row.all || url.startsWith('chrome-extension://'))) sums[k] += ms;
    });
  }
}

/**
 * @param {{ label: string, trace: { frames: number, ms: number[] } }[]} sides
 * @param {number} loads
 * @returns {string} a printable table: per load and per frame, each side
 */
export function traceTable(sides, loads) {
  const frames = sides[0]?.trace.frames ?? 0;
  const head = `Where a frame's start-up goes on the page with 30 frames (${frames} documents; CPU ms per load, mean of ${loads} traced loads; per document in brackets)`;
  const width = Math.max(...ROWS.map((r) => r.what.length));
  const lines = [head, `${''.padEnd(width)}  ${sides.map((s) => s.label.padStart(18)).join('')}`];
  ROWS.forEach((row, k) => {
    const cells = sides.map(({ trace }) =>
      `${trace.ms[k].toFixed(1)} (${(trace.ms[k] / Math.max(1, trace.frames)).toFixed(2)})`.padStart(18),
    );
    lines.push(`${row.what.padEnd(width)}  ${cells.join('')}`);
  });
  lines.push(
    'The first three rows are the extension scripts only; the last two count every script and world, so the control side gives their base.',
  );
  return lines.join('\n');
}
