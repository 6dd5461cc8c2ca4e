// Where the every-page guard (index.ts) and the scripts injected later into the same frame (wake.ts by
// the background, the snapshot's capture script by the popup) meet: the guard leaves this handle on its
// isolated world's global. The content scripts of one extension share that world in a frame; the page
// never sees it.
import type { BoxState } from '../shared/messages';

export interface GuardHandle {
  /** The site the person sees in the address bar (also from inside a frame of another origin). */
  readonly site: string;
  readonly isTop: boolean;
  /** "Keep it ticked": tick this box again, this once. */
  retick(boxId: number): void;
  /** What Unbind did to this control, if it is a box it held (for the snapshot's capture script). */
  stateOf(el: Element): BoxState | undefined;
  /** The guard off for this site (allowed, or switched off): give every box back and report nothing;
   *  or on again. */
  setOff(off: boolean): void;
  /** Set by wake.ts when it first runs in this document: it runs once per document. */
  awake?: boolean;
}

const KEY = Symbol.for('unbind.guard');
type WithHandle = { [KEY]?: GuardHandle };

export function publishHandle(handle: GuardHandle): void {
  (globalThis as WithHandle)[KEY] = handle;
}

/** The guard's handle in this document, if the every-page script ran here. */
export const guardHandle = (): GuardHandle | undefined => (globalThis as WithHandle)[KEY];
