// A person's clicks and keys told from a script's: trusted events are faked (happy-dom's own events are
// never trusted), a script's are dispatched for real through the capture listeners.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Input } from '../../src/content/guard/input';

function setup() {
  document.body.innerHTML = '<label id="l"><input type="checkbox" id="c"> Save card</label><input id="t" type="text">';
  const hooks = { person: vi.fn(), script: vi.fn(), error: vi.fn() };
  const input = new Input(hooks);
  input.listen(document);
  const control = document.getElementById('c')!;
  return { input, hooks, control };
}
/** An event as the browser gives it for a person's action. */
const trusted = (type: string, path: EventTarget[], key?: string) =>
  ({ type, key, isTrusted: true, composedPath: () => path }) as unknown as Event;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Input', () => {
  it("a person's Space on the control marks it theirs", () => {
    const { input, hooks, control } = setup();
    input.onEvent(trusted('keydown', [control, document.body], ' '));
    expect(hooks.person).toHaveBeenCalledWith(control);
    expect(input.isTouched(control)).toBe(true);
  });

  it("a person's click on the label is a click on its control", () => {
    const { input, hooks, control } = setup();
    input.onEvent(trusted('click', [document.getElementById('l')!, document.body]));
    expect(hooks.person).toHaveBeenCalledWith(control);
  });

  it("a script's click, Enter or change, and a trusted change, are a script's: looked at again", () => {
    const { input, hooks, control } = setup();
    const actions = [
      () => control.click(),
      () => control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
      () => control.dispatchEvent(new Event('change', { bubbles: true })),
      () => input.onEvent(trusted('change', [control, document.body])),
    ];
    for (const act of actions) {
      hooks.script.mockClear();
      act();
      expect(hooks.script).toHaveBeenCalledWith(control);
    }
    expect(hooks.person).not.toHaveBeenCalled();
    expect(input.isTouched(control)).toBe(false);
  });

  it('other keys leave before any work (not even the event path is read)', () => {
    const { input, hooks } = setup();
    const path = vi.fn(() => []);
    input.onEvent({ type: 'keydown', key: 'a', isTrusted: true, composedPath: path } as unknown as Event);
    expect(path).not.toHaveBeenCalled();
    expect(hooks.person).not.toHaveBeenCalled();
  });

  it('events on other elements are ignored', () => {
    const { hooks } = setup();
    document.getElementById('t')!.click();
    expect(hooks.script).not.toHaveBeenCalled();
  });
});
