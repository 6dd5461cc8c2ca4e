// The guide's content script: runs only on the sites a guide covers (see the manifest built in
// vite.config.ts), in the top frame. It tells the background which step each page is, and points at
// the next control when the popup asks. It reads page structure only, never field values.
import guides from 'virtual:unbind-guides';
import { currentPlace, readPage, type PageProbe } from '../guide/engine';
import { guideKey, hostMatches } from '../guide/schema';
import { parseMessage, toBackground, ToContent, type PointAnswer } from '../shared/messages';
import { Pointer } from './pointer';
import { t } from '../shared/i18n';

function start(): void {
  if (window !== window.top) return;
  const host = location.hostname;
  const guide = guides.find((g) => g.hosts.some((h) => hostMatches(host, h)));
  if (!guide) return;

  const query = (fn: () => number) => {
    try {
      return fn();
    } catch {
      return 0;
    }
  };
  const probe: PageProbe = {
    host,
    has: (s) => query(() => (document.querySelector(s) ? 1 : 0)) > 0,
    count: (s) => query(() => document.querySelectorAll(s).length),
  };
  const scheme = location.protocol === 'http:' ? 'http:' : 'https:';
  const pointer = new Pointer(t('guideDismissPointer'));
  let last = '';
  let timer = 0;

  const check = () => {
    timer = 0;
    const reading = readPage(guide, probe);
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
    try {
      const here = currentPlace(guide, probe);
      const pointed = !!here?.place.point && pointer.show(here.step.id, here.place.point, t(guideKey(guide.id, here.step.id, 'title')));
      sendResponse({ pointed });
    } catch (err) {
      console.error('[Unbind]', err);
      sendResponse({ pointed: false });
    }
  });
}

try {
  start();
} catch (err) {
  console.error('[Unbind]', err);
}
