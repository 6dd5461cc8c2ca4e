// CPU profile of one grid workload with the extension loaded: where the content script spends time.
// The profile covers the whole renderer isolate (page and extension worlds); stack entries whose script URL is
// chrome-extension://... are the extension's. Names are minified, so each entry shows a bit of the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './browser.mjs';
import { sleep } from './sleep.mjs';

/**
 * @param {import('puppeteer').Browser} browser  a browser with the extension loaded
 * @param {string} gridUrl
 * @param {{ ticks: number, interval: number }} workload
 * @param {string} [name] what the page is, for the summary's title
 * @returns {Promise<string>} a printable summary
 */
export async function profileGrid(browser, gridUrl, workload, name = 'grid') {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await page.goto(gridUrl, { waitUntil: 'load' });
    await page.evaluate(() => window.__build());
    await sleep(300);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); // µs
    await cdp.send('Profiler.start');
    await page.evaluate((o) => window.__workload(o), workload);
    const { profile } = await cdp.send('Profiler.stop');
    return summarise(profile, name);
  } finally {
    await page.close().catch(() => {});
  }
}

function summarise(profile, name) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isExt = (n) => n.callFrame.url.startsWith('chrome-extension://');
  const sources = new Map();
  const keyOf = (n) => {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(path.join(DIST, file), 'utf8').split('\n'));
      } catch {
        sources.set(file, []);
      }
    }
    const line = sources.get(file)[lineNumber] ?? '';
    const code = line.slice(columnNumber, columnNumber + 70).replace(/\s+/g, ' ');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}  ${code}`;
  };

  const self = new Map(),
    incl = new Map(),
    nativeUnder = new Map();
  let busy = 0,
    ext = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms, attributed to sample i
    const leaf = byId.get(profile.samples[i]);
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += dt;
    const stack = [];
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) stack.push(byId.get(id));
    const extFrames = stack.filter(isExt);
    if (!extFrames.length) continue;
    ext += dt;
    for (const k of new Set(extFrames.map(keyOf))) add(incl, k, dt);
    if (isExt(leaf)) add(self, keyOf(leaf), dt);
    else add(nativeUnder, `${leaf.callFrame.functionName || '(native)'}  called from  ${keyOf(extFrames[0])}`, dt);
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  return [
    `CPU profile of one ${name} workload with Unbind (100 µs sampling): main thread busy ${busy.toFixed(0)} ms, ` +
      `of which under extension stack entries ${ext.toFixed(0)} ms (${((100 * ext) / busy).toFixed(1)}%)`,
    'extension functions by self time:',
    top(self, 15),
    'extension functions by inclusive time:',
    top(incl, 12),
    'non-extension stack entries (DOM/native/builtins) called by the extension, by self time' +
      " (calls into chrome.* bindings may carry another binding's name):",
    top(nativeUnder, 12),
  ].join('\n');
}
