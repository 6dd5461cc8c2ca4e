/** The event the main-world hook fires on a host that just got a shadow root. */
export const SHADOW_EVENT = 'unbind:shadow-attached';
