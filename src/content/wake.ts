// Injected by the background (src/background/wake.ts) into a frame once that frame has something to
// say: its guard reported a box, the notice is to be shown in the top frame, or a box is to be ticked
// again. Runs in the guard's isolated world, once per document (a restarted background may inject it
// again: it then does nothing). What a frame with no ticked box never needs lives here: the settings
// and their changes, the background's messages (parsed with zod), and the notice (top frame only).
import { parseMessage, ToContent } from '../shared/messages';
import { toBackground } from '../shared/send';
import { guardOffFor } from '../shared/settings';
import { settings as settingsRecord, type Settings } from '../storage/records';
import { read, watch } from '../storage/store';
import { guardHandle } from './handle';
import { Notice } from './notice';

const logError = (err: unknown) => console.error('[Unbind]', err);

function wake(): void {
  const guard = guardHandle();
  // No guard here (an allowed site's page, or one opened before Unbind was installed), or awake already.
  if (!guard || guard.awake) return;
  guard.awake = true;
  const { site } = guard;

  const apply = (next: Settings) => guard.setOff(guardOffFor(next, site));
  read(settingsRecord).then(
    (l) => apply(l.value),
    (err) => logError(err), // unreadable storage: the guard keeps working, as with default settings
  );
  watch(settingsRecord, (l) => apply(l.value));

  const notice = guard.isTop
    ? new Notice({
        retick: (box) => void toBackground({ type: 'retick', frameId: box.frameId, boxId: box.boxId }),
        allowSite: () => void toBackground({ type: 'allow-site', site, allowed: true }),
      })
    : null;

  chrome.runtime.onMessage.addListener((raw: unknown): undefined => {
    const msg = parseMessage(ToContent, raw, 'content script');
    if (!msg) return;
    try {
      if (msg.type === 'retick') guard.retick(msg.boxId);
      else if (msg.type === 'notice') notice?.show(msg.boxes);
    } catch (err) {
      logError(err);
    }
  });
}

try {
  wake();
} catch (err) {
  logError(err);
}
