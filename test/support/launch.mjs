// The browser the e2e run is for (BROWSER=firefox, else Chromium), launched with the built extension.
import { launch } from './browser.mjs';
import { BROWSER } from './engine.mjs';
import { launchFirefox } from './firefox.mjs';

/**
 * browser.mjs's launch() or firefox.mjs's launchFirefox(), with the options both take. `preferences`
 * (a Chromium profile's Preferences) has no meaning in Firefox and is not given there.
 * @param {{ hostRules?: string, lang?: string, preferences?: object }} opts
 */
export const launchBrowser = ({ preferences, ...opts }) => (BROWSER === 'firefox' ? launchFirefox(opts) : launch({ ...opts, preferences }));
