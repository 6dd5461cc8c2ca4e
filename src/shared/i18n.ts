// One way to read the interface texts (public/_locales), for the content scripts, the popup and the
// background alike: chrome.i18n exists in all of them, in Chrome and Firefox.

/** A message from _locales; the key itself if it is missing, so a gap is visible rather than blank. */
export const t = (key: string, subs?: string | string[]): string => chrome.i18n.getMessage(key, subs) || key;
