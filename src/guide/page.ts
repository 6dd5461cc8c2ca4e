// Reads a live page the way a person does, for the guide: visible text, headings, and the texts of
// things to press (their words, aria-label or title), optionally only inside an open dialog. Reads
// structure and labels only, never what is typed into a field.
import type { PageProbe } from './engine';
import type { Marker, Target, TextIn } from './schema';

const SCOPES: Record<Exclude<TextIn, 'page' | 'title'>, string> = {
  heading: 'h1,h2,h3,h4,h5,h6,[role=heading]',
  control: 'button,[role=button],input[type=submit],input[type=button],a[href],[role=link],[role=menuitem],[role=tab],summary,label',
};
const DIALOGS = 'dialog[open],[role=dialog],[role=alertdialog],[aria-modal=true]';
/** A card's row: what to point at when its control shows only on hover. */
const ROW = 'li,tr,[role=row],[role=listitem],article';

/** Lower case, compatibility forms folded, one space, straight quotes. */
export const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** Seen by a person: it has a size, and neither it nor an ancestor is hidden or fully transparent
 *  (a control that shows only on hover has opacity 0 until then). */
const visible = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true);
};

/** A control a person cannot press (e.g. a card's Delete while the site does not allow it). */
const disabled = (el: Element) => el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';

/** Every way an element names itself to a person. */
function namesOf(el: Element): string {
  const input = el instanceof HTMLInputElement ? el.value : '';
  return fold(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${input} ${el.getAttribute('title') ?? ''}`);
}

function roots(dialog: boolean | undefined): HTMLElement[] {
  if (!dialog) return document.body ? [document.body] : [];
  return [...document.querySelectorAll<HTMLElement>(DIALOGS)].filter(visible);
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // a bad selector in data: checked at build time, never thrown here
  }
}

/** The elements a text marker or target finds (for `page` and `title`: none, they are not elements). */
function elementsFor(m: Marker | Target): Element[] {
  if ('css' in m) return safeAll(document, m.css);
  const where = m.in ?? 'page';
  if (where === 'page' || where === 'title') return [];
  const texts = m.text.map(fold);
  return roots(m.dialog).flatMap((root) => safeAll(root, SCOPES[where]).filter((el) => texts.some((t) => namesOf(el).includes(t))));
}

function shows(m: Marker): boolean {
  if ('css' in m || (m.in && m.in !== 'page' && m.in !== 'title')) return elementsFor(m).length > 0;
  const texts = m.text.map(fold);
  // innerText, not textContent: what the page shows, without hidden elements, scripts and styles.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
  const seen = m.in === 'title' ? [fold(document.title)] : roots(m.dialog).map((r) => fold(r.innerText ?? ''));
  return seen.some((s) => texts.some((t) => s.includes(t)));
}

/** Cards on the list: a confirmation dialog's button that says the same ("Remove card") is no card. */
const count = (t: Target) => {
  const found = elementsFor(t);
  return 'text' in t && t.dialog ? found.length : found.filter((el) => !el.closest(`dialog,${DIALOGS}`)).length;
};

export function pageProbe(): PageProbe {
  return {
    host: location.hostname,
    path: location.pathname + location.search,
    shows: (m) => (document.body ? shows(m) : false),
    count,
  };
}

export interface Found {
  el: Element;
  /** The control shows only on hover: `el` is its row. */
  viaRow: boolean;
}

/** What a person should press next: the first target, in order, that finds something they can see;
 *  rows showing `rowLast` texts (e.g. the default card) go last; a hidden control is found by its row;
 *  a disabled control is never pointed at. */
export function locate(targets: readonly Target[]): Found | null {
  for (const t of targets) {
    let found = elementsFor(t);
    if ('rowLast' in t && t.rowLast) {
      // A row is "last" when something in it says exactly that (a "Default" badge), not merely
      // contains the word (a "Make default" button on every other row).
      const last = t.rowLast.map(fold);
      const says = (row: Element | null) =>
        !!row && [...row.querySelectorAll('*')].some((e) => e.childElementCount === 0 && last.includes(fold(e.textContent ?? '')));
      const isLast = (el: Element) => says(el.closest(ROW));
      found = [...found.filter((el) => !isLast(el)), ...found.filter(isLast)];
    }
    for (const el of found) {
      if (disabled(el)) continue;
      if (visible(el)) return { el, viaRow: false };
      const row = el.closest(ROW);
      if (row && visible(row)) return { el: row, viaRow: true };
    }
  }
  return null;
}
