// The one primitive that changes a control: act only when its state differs from the wanted one,
// and change it the way a person would (a click), so the page's own framework sees the change.
import { isOn, type ControlKind } from '../detect/controls';

export function setTicked(el: Element, kind: ControlKind, on: boolean): boolean {
  if (isOn(el, kind) === on) return true;
  if (el instanceof HTMLElement) el.click();
  if (isOn(el, kind) === on) return true;
  // The page swallowed the click (preventDefault, or a handler that re-renders from stale state):
  // set the state directly and announce it with the events forms and frameworks listen to.
  if (kind === 'native') {
    const input = el as HTMLInputElement;
    input.checked = on;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    el.setAttribute(kind, String(on));
  }
  return isOn(el, kind) === on;
}
