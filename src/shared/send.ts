// Sending to the background, with no schema in sight: the every-page content script sends reports
// and must not carry zod (the background parses what it receives).
import type { ToBackground } from './messages';

/** Sends a message to the background (from a content script or the popup); a background that is
 *  waking up or an extension being reloaded is not an error worth more than a line in the console. */
export function toBackground(msg: ToBackground): Promise<unknown> {
  return chrome.runtime.sendMessage(msg).catch((err: unknown) => console.debug('[Unbind] not delivered:', msg.type, err));
}
