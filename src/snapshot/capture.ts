// The capture script: injected on request ("Unbind got this page wrong") into every frame of the tab,
// in the extension's isolated world, where the guard's handle answers what Unbind did to each box
// (src/content/handle.ts) and chrome.dom reaches closed shadow roots. It defines globalThis.unbindSnapshot(); the popup calls it in each frame and puts the answers
// together (assemble.ts). Browser glue only: the writing is serialise.ts, the rules scrub.ts.
import { isOn, kindOf } from '../detect/controls';
import { contextOf } from '../detect/facts';
import { shortLabel } from '../shared/short-label';
import { faceOf, outerLabelOf } from '../content/guard/composite';
import { guardHandle } from '../content/handle';
import { shadowRootOf } from '../content/shadow-root';
import { type CapturedControl, type FrameCapture, HEADER_SLOT, slotToken } from './capture-types';
import { rules } from './rules';
import { scrubText } from './scrub';
import { type SerialiseHooks, serialiseDocument } from './serialise';

type Registry = { unbindSnapshot?: () => FrameCapture };

/** This frame's place: its index in each parent's window.frames, from the top (WindowProxy
 *  comparison works across origins); null if a parent does not list it. */
function framePath(): number[] | null {
  const path: number[] = [];
  for (let w: Window = window; w !== w.parent; w = w.parent) {
    const parent = w.parent;
    let i = 0;
    while (i < parent.frames.length && parent.frames[i] !== w) i++;
    if (i === parent.frames.length) return null;
    path.unshift(i);
  }
  return path;
}

const rulesText = (sheets: Iterable<CSSStyleSheet>): string => {
  const parts: string[] = [];
  for (const sheet of sheets) {
    try {
      for (const r of Array.from(sheet.cssRules)) parts.push(r.cssText);
    } catch {
      /* a sheet from another origin: its rules cannot be read */
    }
  }
  return parts.join('\n');
};

function capture(): FrameCapture {
  const started = performance.now();
  const r = rules();
  const guard = guardHandle();
  const boxOf = guard && ((el: Element) => guard.stateOf(el));
  const path = framePath();
  const top = window === window.top;
  const key = top ? '' : path ? path.join('.') : null;
  let controls: CapturedControl[] = [];
  const fallbacks: FrameCapture['fallbacks'] = {};
  const cut = new Set<string>();

  const hooksFor = (win: Window, frameKey: string | null): SerialiseHooks => ({
    shadowRootOf,
    frame(el) {
      const child = (el as HTMLIFrameElement).contentWindow;
      if (frameKey === null || !child) return null;
      let i = 0;
      while (i < win.frames.length && win.frames[i] !== child) i++;
      if (i === win.frames.length) return null;
      const slot = frameKey ? `${frameKey}.${i}` : `${i}`;
      // A frame of this origin with no URL of its own (about:blank written by script, srcdoc) may get
      // no injected script: written from here too, used if the frame itself does not answer.
      try {
        const doc = (el as HTMLIFrameElement).contentDocument;
        if (doc && /^about:/.test(doc.URL)) {
          const own = controls;
          controls = [];
          fallbacks[slot] = { html: write(doc, child, slot, '').html, controls };
          controls = own;
        }
      } catch {
        /* another origin: it answers for itself */
      }
      return slotToken(slot);
    },
    control(el) {
      const kind = kindOf(el);
      if (!kind) return null;
      const state = boxOf?.(el);
      const on = state !== undefined || isOn(el, kind);
      if (faceOf(el) !== el) return { on: isOn(faceOf(el), kind) || boxOf?.(faceOf(el)) !== undefined, attrs: [] };
      const id = `${frameKey ?? '?'}:${controls.length}`;
      controls.push({
        id,
        label: scrubText(shortLabel(outerLabelOf(el) || contextOf(el)), r),
        on,
        did: state ?? (isOn(el, kind) ? 'ticked' : 'not-ticked'),
        pageExpect: el.getAttribute('data-expect'),
      });
      return { on, attrs: [['data-unbind-control', id]] };
    },
    cssOf(el) {
      const sheet = (el as HTMLStyleElement | HTMLLinkElement).sheet;
      if (sheet) {
        try {
          return rulesText([sheet]);
        } catch {
          return null;
        }
      }
      return el.localName === 'style' ? el.textContent : null;
    },
    adoptedCss: (root) => rulesText(root.adoptedStyleSheets ?? []),
    sizeOf(el) {
      const b = el.getBoundingClientRect();
      return b.width || b.height ? { width: b.width, height: b.height } : null;
    },
  });

  const write = (doc: Document, win: Window, frameKey: string | null, head: string) => {
    const out = serialiseDocument(doc, r, hooksFor(win, frameKey), head);
    for (const c of out.cut) cut.add(c);
    return out;
  };
  const out = write(document, window, key, top ? HEADER_SLOT : '');
  return {
    path,
    top,
    host: location.hostname,
    guarded: typeof boxOf === 'function',
    html: out.html,
    fallbacks,
    cut: [...cut],
    controls,
    elements: out.elements,
    ms: Math.round(performance.now() - started),
  };
}

(globalThis as Registry).unbindSnapshot = capture;
