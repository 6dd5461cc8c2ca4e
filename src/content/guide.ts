// The guide's content script: runs only on the sites a guide covers (see the manifest built in
// vite.config.ts), in every frame, each reading its own document: a site may show its card list in a
// frame from another origin (Google Pay's is from payments.google.com). It tells the background which
// step each page is (the background combines a tab's frames), and points at the next control when the
// popup asks. It reads page structure only, never field values.
import guides from 'virtual:unbind-guides';
import { currentPlace, readPage } from '../guide/engine';
import { pageProbe } from '../guide/page';
import { guideKey, hostMatches } from '../guide/schema';
import { parseMessage, toBackground, ToContent, type PointAnswer } from '../shared/messages';
import { t } from '../shared/i18n';
import { Pointer } from './pointer';

function start(): void {
  const host = location.hostname;
  const guide = guides.find((g) => g.hosts.some((h) => hostMatches(host, h)));
  if (!guide) return;

  const scheme = location.protocol === 'http:' ? 'http:' : 'https:';
  const pointer = new Pointer(t('guideDismissPointer'), t('guideHoverHint'));
  let last = '';
  let timer = 0;

  const check = () => {
    timer = 0;
    // A fresh probe each time: a single-page app changes its path without a reload.
    const reading = readPage(guide, pageProbe());
    const key = JSON.stringify(reading);
    if (key === last) {
      pointer.schedule();
      return;
    }
    last = key;
    if (pointer.step && pointer.step !== reading.step) pointer.remove();
    void toBackground({ type: 'guide', guide: guide.id, reading, scheme });
    pointer.schedule();
  };
  const soon = () => {
    if (!timer) timer = window.setTimeout(check, 80);
  };

  new MutationObserver(soon).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['open', 'class', 'hidden'],
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check, { once: true });
  else check();

  chrome.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (a: PointAnswer) => void) => {
    const msg = parseMessage(ToContent, raw, 'guide script');
    if (msg?.type !== 'guide-point') return;
    // Every frame hears it: only the frame whose page is the popup's step points and answers, so the
    // popup hears the frame that could, and no answer at all means none could.
    try {
      const here = currentPlace(guide, pageProbe());
      if (!here?.place.point || here.step.id !== msg.step) return;
      if (pointer.show(here.step.id, here.place.point, t(guideKey(guide.id, here.step.id, 'title')))) sendResponse({ pointed: true });
    } catch (err) {
      console.error('[Unbind]', err);
    }
  });
}

try {
  start();
} catch (err) {
  console.error('[Unbind]', err);
}
