/** The event the main-world hook fires on a host that just got a shadow root. */
export const SHADOW_EVENT = 'unbind:shadow-attached';
/** The event the main-world hook fires on a checkbox whose `checked` property a script set to true.
 *  It carries nothing and any page can fire it: the content script reads the box itself. */
export const CHECKED_EVENT = 'unbind:checked';
