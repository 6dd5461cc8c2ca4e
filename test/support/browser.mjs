// Launches Debian's Chromium with the built extension loaded (the way a tester's "Load unpacked" does).
// Shared by the e2e tests, the main job (scripts/start.mjs) and the benchmark (scripts/bench.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { sleep } from './sleep.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-default-browser-check',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  // The fixture twins of HSTS-preloaded sites (www.paypal.com...) answer https with a test-only
  // self-signed certificate (fixtures/tls/): a test browser only ever reaches the local fixture server.
  '--ignore-certificate-errors',
];

/** Where new browser profiles go: the e2e run's own folder (test/support/e2e-setup.mjs), which is
 *  removed when the run ends, or the system's temporary folder. */
export const profilesDir = () => process.env.UNBIND_PROFILES ?? os.tmpdir();

/**
 * The id Chromium gives an extension loaded unpacked from `dir`: the first 128 bits of the SHA-256 of
 * its absolute path, each hex digit written as a letter a-p (Chromium's crx_file::id_util).
 * @param {string} dir
 */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/**
 * Profile preferences in which the person already granted Unbind these optional permissions once, as
 * Chromium records it (extensions.settings.<id>.runtime_granted_permissions). Chromium then answers a
 * chrome.permissions.request for them, made with a user gesture, with true and without its prompt: the
 * path it takes when a person who allowed a permission before asks again after the extension gave it
 * back (permissions_api.cc: "We don't prompt for already-granted permissions"). The prompt itself is
 * a native dialog that neither the DevTools protocol nor a command-line switch can answer in
 * headless Chromium (tried: --apps-gallery-install-auto-confirm-for-tests is gone from permission
 * prompts; ScopedTestDialogAutoConfirm is compiled into Chromium's own browser tests only).
 * Not granted yet: chrome.permissions.contains is false until the request.
 * @param {string[]} permissions
 * @returns {object}
 */
export function grantedBefore(permissions) {
  const id = unpackedExtensionId(DIST);
  return {
    extensions: {
      settings: {
        [id]: { runtime_granted_permissions: { api: permissions, explicit_host: [], manifest_permissions: [], scriptable_host: [] } },
      },
    },
  };
}

/**
 * @param {{ extension?: boolean, extensionDir?: string, headless?: boolean, hostRules?: string, lang?: string, args?: string[], preferences?: object }} [opts]
 *   `preferences`: the new profile's Default/Preferences, written before the browser starts.
 *   `extensionDir`: another unpacked extension to load instead of Unbind's build (the bench's reference
 *   extension, which has no service worker to wait for).
 * @returns {Promise<{ browser: import('puppeteer').Browser, extensionId: string | null, worker: () => Promise<import('puppeteer').WebWorker>, close: () => Promise<void> }>}
 */
export async function launch({
  extension = true,
  extensionDir = DIST,
  headless = true,
  hostRules = '',
  lang = 'en-US',
  args = [],
  preferences,
} = {}) {
  if (!existsSync(CHROME)) throw new Error(`Chromium not found at ${CHROME}: apt-get install -y chromium, or set CHROME_PATH`);
  if (extension && !existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`${extensionDir} has no build: run \`npm run build\` first`);
  const unbind = extension && extensionDir === DIST;
  const userDataDir = mkdtempSync(path.join(profilesDir(), 'unbind-profile-'));
  if (preferences) {
    mkdirSync(path.join(userDataDir, 'Default'));
    writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless,
    userDataDir,
    pipe: false,
    // Nothing here reads requests or DevTools issues: without them every page and popup costs the
    // browser less (the guide journeys' CPU time fell by a tenth).
    networkEnabled: false,
    issuesEnabled: false,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    defaultViewport: { width: 1100, height: 850 },
    args: [
      ...QUIET,
      `--lang=${lang}`,
      `--accept-lang=${lang}`,
      ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []),
      // Headless, nobody watches the pointer's pulse: without it a ringed page is not repainted at every
      // frame in software, which on two cores slowed every other test (the pointer honours the setting).
      ...(headless ? ['--force-prefers-reduced-motion'] : []),
      ...args,
    ],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
  let extensionId = null;
  /** The extension's service worker (it may have been stopped and restarted: always ask again). */
  const worker = async () => {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 15000,
    });
    return /** @type {import('puppeteer').WebWorker} */ (await target.worker());
  };
  if (unbind) extensionId = new URL((await worker()).url()).host;
  const ext = {
    browser,
    extensionId,
    worker,
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // The guard's content scripts are registered by the background after install: no page may open before.
  if (unbind) await guardScriptsReady(ext);
  return ext;
}

/**
 * Waits until the background has registered the guard's content scripts in step with the stored allow
 * list (it does so on install and after every settings change, asynchronously): a page opened before
 * would run with the previous registration.
 * @param {{ worker: () => Promise<import('puppeteer').WebWorker> }} ext
 */
export async function guardScriptsReady(ext) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await inWorker(ext, async () => {
      const { settings } = await chrome.storage.local.get('settings');
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      // Switched off everywhere: none is registered.
      if (settings?.guardEnabled === false) return scripts.length === 0;
      const allowed = Array.isArray(settings?.allowList) ? settings.allowList : [];
      const want = allowed
        .map(
          (s) =>
            `*://*.${String(s)
              .toLowerCase()
              .replace(/^www\./, '')}/*`,
        )
        .sort()
        .join();
      return scripts.length === 2 && scripts.every((c) => [...(c.excludeMatches ?? [])].sort().join() === want);
    });
    if (ready) return;
    await sleep(100);
  }
  throw new Error('the guard content scripts were not registered in step with the allow list');
}

/**
 * Runs `fn` in the extension's service worker, with arguments (serialised as JSON).
 * @param {{ worker: () => Promise<import('puppeteer').WebWorker> }} ext
 * @param {(...args: any[]) => any} fn
 * @param {...any} args
 */
export async function inWorker(ext, fn, ...args) {
  // Right after start-up the worker's context can still be settling: ask again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await ext.worker()).evaluate(fn, ...args);
    } catch (err) {
      if (attempt >= 10 || !/chrome is not defined|Execution context was destroyed|Target closed/.test(String(err))) throw err;
      await sleep(200);
    }
  }
}
