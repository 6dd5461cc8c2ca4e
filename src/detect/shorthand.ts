// The word-edge shorthand of the language tables. Most patterns need "not inside a longer word", and
// JavaScript's \b only knows ASCII, so tables wrote `(?<![a-zåäö])word(?![a-zåäö])` hundreds of times.
// A table that names its `letters` may write `\<word\>` instead; the shipped data keeps the short form
// and the lexicon expands it, once per frame, with that table's letters. The long form stays valid.
//   \<  no letter before (a word starts)    \>  no letter after (a word ends)    \l  one letter
// The three are outside JavaScript's regex syntax with the `u` flag (an escaped `<`, `>` or `l` is a
// syntax error there), so no pattern written the long way can mean them by accident. Not inside [...].

/** True when a pattern uses the shorthand (an escaped backslash `\\` does not count). */
export const usesShorthand = (src: string): boolean => /(?:^|[^\\])(?:\\\\)*\\[<>l]/.test(src);

/** `src` with the shorthand written out for `letters`, the body of a character class ("a-zåäö"). */
export function expandShorthand(src: string, letters: string): string {
  if (!letters || !src.includes('\\')) return src;
  // Escapes are read in pairs from the left, so `\\<` stays a backslash and a `<`.
  return src.replace(/\\(.)/gsu, (m, c: string) =>
    c === '<' ? `(?<![${letters}])` : c === '>' ? `(?![${letters}])` : c === 'l' ? `[${letters}]` : m,
  );
}

/** `src` with the long forms of the shorthand for `letters` written short again, as the data ships: a
 *  table may write either form, and the short one is what every page downloads. Only where expanding
 *  gives back exactly `src` (so nothing inside a [...] or after a backslash is touched). */
export function compactShorthand(src: string, letters: string): string {
  if (!letters) return src;
  const short = src.replaceAll(`(?<![${letters}])`, '\\<').replaceAll(`(?![${letters}])`, '\\>').replaceAll(`[${letters}]`, '\\l');
  return short !== src && expandShorthand(short, letters) === expandShorthand(src, letters) ? short : src;
}
