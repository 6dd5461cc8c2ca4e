// Input: a person's click, Space or Enter on a control, told from a script's click or change.
import { kindOf } from '../../detect/controls';
import { safely } from './safely';

export interface InputHooks {
  /** A person clicked or keyed the control: from now on it is theirs. */
  person(control: Element): void;
  /** A script clicked or changed it (a page that ticks its box after mounting): look at it again. */
  script(control: Element): void;
  error(err: unknown): void;
}

const EVENTS = ['click', 'keydown', 'change'];

export class Input {
  /** Controls a person has clicked or keyed: never touched again. */
  private readonly touched = new WeakSet<Element>();

  constructor(private readonly hooks: InputHooks) {}

  /** Listens on a window or shadow root, in the capture phase (before the page's own handlers). */
  listen(target: EventTarget): void {
    for (const type of EVENTS) target.addEventListener(type, this.onEvent, true);
  }

  /** The control now asks another question: the person's earlier tick was not an answer to it. */
  forget(el: Element): void {
    this.touched.delete(el);
  }

  isTouched(el: Element): boolean {
    return this.touched.has(el);
  }

  readonly onEvent = (e: Event): void => {
    // Every keystroke in every field of the page comes here: only Space and Enter toggle a control.
    if (e.type === 'keydown' && (e as KeyboardEvent).key !== ' ' && (e as KeyboardEvent).key !== 'Enter') return;
    safely(() => {
      const control = controlIn(e);
      if (!control) return;
      // The change event that a script's el.click() causes is marked trusted too: only clicks and keys
      // tell a person from a script.
      if (e.isTrusted && e.type !== 'change') {
        this.touched.add(control);
        this.hooks.person(control);
      } else {
        this.hooks.script(control);
      }
    }, this.hooks.error);
  };
}

/** The checkbox-like control an event is about (a click on a label is a click on its control). */
export function controlIn(e: Event): Element | null {
  for (const node of e.composedPath()) {
    if (!(node instanceof Element)) continue;
    const control = node instanceof HTMLLabelElement ? node.control : node;
    if (control && kindOf(control)) return control;
  }
  return null;
}
