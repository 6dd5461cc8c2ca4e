// Wakes a frame's guard: injects the part of the content script that only a frame with something to
// say needs (src/content/wake.ts: settings, messages, the notice). The every-page script stays small
// and quiet; the background brings the rest when it first hears from a frame, or must speak to one.
// The injected script runs once per document, so injecting again (a restarted service worker has
// forgotten which frames it woke) costs one round trip and changes nothing. chrome.scripting with
// frameIds works alike in Chrome and Firefox.
import { WAKE_SCRIPT } from './guard-script-files';

/** Resolves once the frame's guard listens, true; or false when it cannot (a closed tab, a page of
 *  the browser's, a frame where the guard does not run; those are not errors). */
export async function wakeFrame(tabId: number, frameId: number): Promise<boolean> {
  return chrome.scripting
    .executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [WAKE_SCRIPT.injected],
      // At once, not at the document's idle time: the notice and a re-tick must not wait for the page.
      injectImmediately: true,
    })
    .then(
      () => true,
      (err: unknown) => {
        console.debug('[Unbind] frame not woken:', tabId, frameId, err);
        return false;
      },
    );
}
