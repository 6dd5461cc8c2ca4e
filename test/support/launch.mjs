// The browser a run is for, launched with the built extension: Chromium (browser.mjs) or Firefox
// (firefox.mjs). The e2e files take BROWSER's; the main job its --firefox.
import { launch } from './browser.mjs';
import { BROWSER } from './engine.mjs';
import { launchFirefox } from './firefox.mjs';

/**
 * browser.mjs's launch() or firefox.mjs's launchFirefox(), with the options both take. `preferences`
 * (a Chromium profile's Preferences) and `args` (Chromium switches) have no meaning in Firefox and are
 * not given there.
 * @param {{ headless?: boolean, hostRules?: string, lang?: string, preferences?: object, args?: string[] }} opts
 * @param {'chromium' | 'firefox'} [which]
 */
export const launchBrowser = ({ preferences, args, ...opts }, which = BROWSER) =>
  which === 'firefox' ? launchFirefox(opts) : launch({ ...opts, preferences, args });
