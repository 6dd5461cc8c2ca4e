// One way to read the interface texts (public/_locales), for the content scripts, the popup and the
// background alike: chrome.i18n exists in all of them, in Chrome and Firefox.

/** A message from _locales; the key itself if it is missing, so a gap is visible rather than blank. */
export const t = (key: string, subs?: string | string[]): string => chrome.i18n.getMessage(key, subs) || key;

/** Letters of the right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
const RTL_LETTER = /^\P{L}*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The direction of the texts shown: that of the language they are written in, read from a sentence's
 *  first letter the way dir="auto" reads a paragraph. Not @@bidi_dir: it follows the browser's own
 *  language, which the texts need not be in (a language Unbind lacks falls back to English; headless
 *  Chromium started with --lang=ar reports en-US and ltr while it picks the Arabic texts). */
export const textDir = (): 'ltr' | 'rtl' => (RTL_LETTER.test(t('extDescription')) ? 'rtl' : 'ltr');

/** The language the texts shown are written in (a BCP 47 tag, each locale's own `textLang`): for
 *  `lang` attributes, so a screen reader reads them in the right voice whatever the page's language. */
export const textLang = (): string => t('textLang');
