import browser from 'webextension-polyfill';

/** A message from _locales; the key itself if it is missing, so a gap is visible rather than blank. */
export const t = (key: string, subs?: string | string[]): string => browser.i18n.getMessage(key, subs) || key;
