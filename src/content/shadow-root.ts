// An element's shadow root, closed ones too, as an extension's isolated world can read it: Chrome gives
// content scripts chrome.dom.openOrClosedShadowRoot, Firefox the property openOrClosedShadowRoot on
// elements (it has no chrome.dom). Shared by the guard and the snapshot's capture script.

export function shadowRootOf(el: Element): ShadowRoot | null {
  return (
    el.shadowRoot ??
    globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el as HTMLElement) ??
    (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    null
  );
}
