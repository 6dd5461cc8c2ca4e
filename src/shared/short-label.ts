// A box's label as the notice and the popup show it. Apart from facts.ts: the background cuts the labels
// it receives, so the script on every page does not carry this.

/** A label short enough for the notice and the popup: at most `max` characters (UTF-16 units, as
 *  `String.length` counts them) with the ellipsis, cut at the last space (at the limit in a script
 *  without spaces, never inside a surrogate pair); never in the middle of a word. */
export function shortLabel(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  let head = t.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  // Is the cut already at the end of a word (a space follows)? Else back to the last space, if that
  // keeps at least half.
  const space = head.lastIndexOf(' ');
  const cut = t[head.length] === ' ' ? head : space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}
