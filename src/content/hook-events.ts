// The events between the main-world hook (page-hook.ts) and the content script. None carries data
// and any page can fire them: the content script reads each element itself, so a forged one costs a
// look and decides nothing.

/** The event the main-world hook fires on a host that just got a shadow root. */
export const SHADOW_EVENT = 'unbind:shadow-attached';
/** The event the main-world hook fires on a checkbox whose `checked` property a script set to true. */
export const CHECKED_EVENT = 'unbind:checked';
/** Fired on an element just inserted into the document that is or holds a ticked control, or is a
 *  custom element (its shadow root may hold one). */
export const INSERTED_EVENT = 'unbind:inserted';
/** Fired on the document after a batch of insertions that announced something, or any batch while
 *  the document is still being parsed (a box may be waiting for its label). */
export const BATCH_EVENT = 'unbind:batch';
/** The content script asks, on its window, whether the main-world hook watches insertions... */
export const HELLO_EVENT = 'unbind:hello';
/** ...and the hook says so, in reply or when it starts, whichever comes second. */
export const OBSERVING_EVENT = 'unbind:observing';
