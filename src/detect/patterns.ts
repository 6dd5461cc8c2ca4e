// How the shipped patterns are read at run time: their flags and the kinds of look-alike. Apart from
// the tables' schema (lexicon-schema.ts), which only the build and the tests run, so that the scripts
// on every page carry none of it.

/** No `i` flag: the text is lower-cased first, and case-insensitive Unicode patterns cost about three
 *  times as much to compile, which every frame with a ticked box pays once. */
export const REGEX_FLAGS = 'u';

/** The kinds of look-alike, a closed set. A text that matches `never` is put in the first kind, in this
 *  order, whose patterns match it: the narrow kinds before the broad ones ("Subscribe & save 10%" is an
 *  offer before it is a newsletter; "Email me gift ideas" is a newsletter before it is a gift; "agree" is
 *  only terms when nothing narrower is said). `authorisation` comes first: a payment the purchase needs
 *  (a direct-debit mandate, "I authorise X to charge my card for renewals") shares words with a save
 *  consent ("card", "future payments"), and the look-alikes are read before the save phrases.
 *  `sign-in` ("Keep me signed in", "Save my password") is never touched; a plain `remember-me`
 *  ("Remember me") only where it has no card form around it (see classify). */
export const LOOK_ALIKES = [
  'authorisation',
  'sign-in',
  'remember-me',
  'save-for-later',
  'saved-card',
  'row-select',
  'address',
  'account',
  'loyalty-card',
  'offer',
  'newsletter',
  'gift',
  'terms',
] as const;
export type LookAlike = (typeof LOOK_ALIKES)[number];
