// The small in-page notice, in the top frame only. It lives in a closed shadow root so page styles
// cannot reach it, never takes focus by itself, can be reached by keyboard, and moves away from the
// page's pay button.
import payButtons from 'virtual:unbind-pay-buttons';
import { payButtonMatcher } from '../detect/pay-button';
import { shortLabel } from '../shared/short-label';
import type { TabBox } from '../shared/messages';
import { t, textDir, textLang } from '../shared/i18n';

export interface NoticeActions {
  retick(box: TabBox): void;
  allowSite(): void;
}

// Its own colours in both themes, never the page's (`all: initial` stops inheritance; the theme is the
// person's, from the media query, not the page's color-scheme). Contrast: WCAG AA, checked by axe in
// test/e2e/a11y.test.ts.
const CSS = `
:host { all: initial; }
.box { color-scheme: light; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1b1f; max-width: 360px; background: #fff; border: 1px solid #c9c9d1; border-inline-start: 4px solid #2f6f4f; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; }
.head { display: flex; gap: 8px; align-items: flex-start; }
.title { font-weight: 600; flex: 1; margin: 0; font-size: 14px; }
ul { margin: 6px 0 0; padding: 0; list-style: none; }
li { margin: 6px 0 0; }
.label { display: block; color: #444; margin-bottom: 4px; word-break: break-word; }
button { font: inherit; border-radius: 6px; border: 1px solid #8a8a96; background: #f4f4f7; color: #1b1b1f;
  padding: 3px 10px; cursor: pointer; margin-block: 2px 0; margin-inline: 0 6px; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
.close { border: none; background: none; font-size: 18px; line-height: 1; padding: 0 4px; margin: 0; }
.warn { color: #8a3b00; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .box { color-scheme: dark; color: #ececf1; background: #1f1f24; border-color: #4a4a55; border-inline-start-color: #7cc49d;
    box-shadow: 0 4px 16px rgba(0,0,0,.5); }
  .label { color: #c8c8d0; }
  button { background: #2c2c33; color: #ececf1; }
  .close { background: none; }
  button:focus-visible { outline-color: #60a5fa; }
  .warn { color: #f0b25a; }
}
`;

/** A page with many boxes gets a short notice: the first few, then a count. */
const MAX_LISTED = 3;
/** A label longer than this is cut at a word in the notice. */
const NOTICE_LABEL = 80;

const HOST_STYLE =
  'position: fixed !important; z-index: 2147483647 !important; display: block !important; margin: 0 !important; ' +
  'padding: 0 !important; border: 0 !important; width: auto !important; max-width: calc(100vw - 24px) !important; ' +
  'transform: none !important; opacity: 1 !important; visibility: visible !important;';

/** Where the notice may sit, best first: the reading's end side first (right in English, left in
 *  Arabic), where a page's own toasts and chat buttons are least in the way of what is being read. */
const END_CORNERS = [
  { top: '12px', end: '12px' },
  { bottom: '12px', end: '12px' },
  { top: '12px', start: '12px' },
  { bottom: '12px', start: '12px' },
] as const;

let payButton: ((text: string) => boolean) | undefined;
/** Does a button's text read as the shop's final button ("Pay now", "Place order"...)? The words are
 *  the language tables' `payButton`, compiled on first use. */
function isPayButton(text: string): boolean {
  payButton ??= payButtonMatcher(payButtons);
  return payButton(text);
}

export class Notice {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  /** What a screen reader says: a polite live region that stays while the notice re-renders (one
   *  that appears together with its text is not read). */
  private live: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private saying = 0;
  private dismissed = false;

  constructor(private readonly actions: NoticeActions) {}

  show(boxes: TabBox[]): void {
    const shown = boxes.filter((b) => b.state !== 'person');
    if (this.dismissed || shown.length === 0) {
      this.remove();
      return;
    }
    if (!this.host?.isConnected) this.mount();
    this.render(shown);
    this.place();
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
  }

  private mount(): void {
    this.host = document.createElement('unbind-notice');
    // Inline and !important: page styles must not move or hide it (the shadow root guards the inside).
    this.host.setAttribute('style', HOST_STYLE);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.live = el('p', 'live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('dir', textDir());
    this.live.setAttribute('lang', textLang());
    this.box = null;
    this.root.append(style, this.live);
    (document.body ?? document.documentElement).append(this.host);
    this.host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.dismiss();
    });
  }

  private dismiss(): void {
    this.dismissed = true;
    this.remove();
  }

  private render(boxes: TabBox[]): void {
    // Re-rendering removes the focused button: a keyboard user keeps their place in the notice.
    const hadFocus = this.root!.activeElement !== null;
    const box = el('section', 'box');
    // A named region; its buttons are not read out as one status message (the live region is that).
    box.setAttribute('aria-label', t('extName'));
    // The notice mirrors with the language of its texts (Arabic), whatever the page's own direction.
    box.setAttribute('dir', textDir());
    box.setAttribute('lang', textLang());
    const head = el('div', 'head');
    const titleText = boxes.length === 1 ? t('noticeOne') : t('noticeMany', String(boxes.length));
    const title = el('p', 'title', titleText);
    const said: string[] = [titleText];
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', t('noticeDismiss'));
    close.addEventListener('click', () => this.dismiss());
    head.append(title, close);
    const list = el('ul');
    for (const b of boxes.slice(0, MAX_LISTED)) {
      const item = el('li');
      // The box's own label, cut at a word for the notice's width (the popup shows it up to 120).
      const label = el('span', 'label', `“${shortLabel(b.label, NOTICE_LABEL)}”`);
      said.push(label.textContent ?? '');
      // The page's words in their own direction and language: an English label keeps its quotes around it
      // in Arabic, and is read in the page's voice.
      label.dir = 'auto';
      label.lang = document.documentElement.lang;
      item.append(label);
      if (b.state === 'unticked') {
        const retick = el('button', 'retick', t('noticeRetick'));
        retick.addEventListener('click', () => this.actions.retick(b));
        item.append(retick);
      } else if (b.state === 'reticked') {
        item.append(el('span', '', t('noticeReticked')));
        said.push(t('noticeReticked'));
      } else if (b.state === 'gave-up') {
        item.append(el('span', 'warn', t('noticeGaveUp')));
        said.push(t('noticeGaveUp'));
      }
      list.append(item);
    }
    if (boxes.length > MAX_LISTED) list.append(el('li', 'more', t('noticeMore', String(boxes.length - MAX_LISTED))));
    const allow = el('button', 'allow', t('noticeAllowSite'));
    allow.addEventListener('click', () => {
      this.actions.allowSite();
      this.dismiss();
    });
    box.append(head, list, allow);
    if (this.box) this.box.replaceWith(box);
    else this.root!.append(box);
    this.box = box;
    this.say(said.join(' '));
    if (hadFocus) close.focus();
  }

  /** Into the live region a moment later: a region filled as it appears is not read. Only a change is
   *  said again (the notice re-renders on every report from the frames). */
  private say(words: string): void {
    const live = this.live!;
    clearTimeout(this.saying);
    this.saying = window.setTimeout(() => {
      if (live.textContent !== words) live.textContent = words;
    }, 100);
  }

  /** The first corner that does not cover a pay / place-order button. */
  private place(): void {
    const host = this.host!;
    const pays = [...document.querySelectorAll('button, input[type=submit], [role=button], a')]
      .filter((b) => isPayButton(b.textContent || (b as HTMLInputElement).value || ''))
      .map((b) => b.getBoundingClientRect());
    const [end, start] = textDir() === 'rtl' ? ['left', 'right'] : ['right', 'left'];
    for (const corner of END_CORNERS) {
      host.setAttribute(
        'style',
        HOST_STYLE +
          Object.entries(corner)
            .map(([k, v]) => `${k === 'end' ? end : k === 'start' ? start : k}: ${v} !important;`)
            .join(' '),
      );
      const r = host.getBoundingClientRect();
      if (!pays.some((p) => p.width > 0 && p.left < r.right && p.right > r.left && p.top < r.bottom && p.bottom > r.top)) return;
    }
  }
}

function el(tag: string, cls = '', text = ''): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}
