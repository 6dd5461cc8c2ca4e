// Firefox's manifest for the built extension. Firefox 153 has no MV3 service worker ("background.
// service_worker is currently disabled. Add background.scripts."), and wants a fixed add-on id (else each
// temporary install gets a random one and AMO refuses it) and the data-collection declaration AMO
// requires of new add-ons. Plain JS: the build (vite.config.ts) and the Node-run test launcher share it.

export const GECKO_ID = 'unbind@unbind-extension.org';
/** The oldest Firefox it runs on: ESR 140, the ESR line before 153 (both measured). */
export const GECKO_MIN = '140.0';
/** Firefox for Android: 142 is the first that knows data_collection_permissions (web-ext lint warns
 *  when the Android minimum, by default GECKO_MIN, predates a key the manifest uses). */
export const GECKO_ANDROID_MIN = '142.0';
/** The Firefox package's folder, beside dist/. */
export const FIREFOX_DIST = 'dist-firefox';

/**
 * The Firefox manifest for a built Chromium manifest: the worker runs as a background script (Firefox
 * makes it an event page), Chromium-only keys go. Pure: the input is left as it was.
 * @param {Record<string, any>} chromium
 * @returns {Record<string, any>}
 */
export function firefoxManifest(chromium) {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = chromium;
  if (!background?.service_worker) throw new Error('the built manifest has no background.service_worker');
  return {
    ...rest,
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN },
    },
  };
}
