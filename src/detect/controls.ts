// What counts as a checkbox-like control, and how to read its state. No decisions here.

/** Native checkboxes, ARIA checkboxes and switches, and toggle buttons, ticked: what a scan needs to
 *  look at (an unticked box needs nothing from us until it is ticked). */
export const TICKED_SELECTOR =
  'input[type=checkbox]:checked,[role=checkbox][aria-checked=true],[role=switch][aria-checked=true],button[aria-pressed=true]';

/** Interactive data grids (ARIA grid and treegrid: AG Grid, MUI X DataGrid, Handsontable...): a
 *  ticked box in one selects its row. Not role=table, which layout and static tables use too. */
export const DATA_GRID = '[role=grid],[role=treegrid]';

export type ControlKind = 'native' | 'aria-checked' | 'aria-pressed';

export function kindOf(el: Element): ControlKind | null {
  // By tag name, not `instanceof HTMLInputElement`: this runs for every candidate, and in a content
  // script each global lookup goes through the isolated world's window.
  if (el.localName === 'input') return (el as HTMLInputElement).type === 'checkbox' ? 'native' : null;
  const role = el.getAttribute('role');
  if (role === 'checkbox' || role === 'switch') return 'aria-checked';
  if (el.localName === 'button' && el.hasAttribute('aria-pressed')) return 'aria-pressed';
  return null;
}

/** Is the control ticked (on)? */
export function isOn(el: Element, kind: ControlKind): boolean {
  if (kind === 'native') return (el as HTMLInputElement).checked;
  return el.getAttribute(kind) === 'true';
}
