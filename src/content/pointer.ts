// The guide's pointer: a ring around the next control with a short label, in a closed shadow root and
// in the top layer (a popover), so it shows above the site's own modal dialogs. It never takes
// pointer events except on its close button, so the person clicks the control itself.
import { type Found, locate } from '../guide/page';
import type { Target } from '../guide/schema';
import { textDir, textLang } from '../shared/i18n';

const CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; margin: 0; padding: 0; border: 0;
  background: transparent; overflow: visible; width: 100vw; height: 100vh; max-width: none; max-height: none; }
.ring { position: fixed; box-sizing: border-box; border: 3px solid #e11d48; border-radius: 8px; box-shadow: 0 0 0 4px rgba(225,29,72,.25);
  animation: pulse 1.2s ease-in-out infinite; }
.tip { position: fixed; max-width: 300px; background: #1b1b1f; color: #fff; font: 13px/1.4 system-ui, sans-serif;
  padding-block: 6px; padding-inline: 10px 8px; border-radius: 6px; display: flex; gap: 6px; align-items: flex-start; pointer-events: auto; }
.tip button { all: unset; cursor: pointer; font-size: 15px; line-height: 1; padding: 0 2px; }
.tip button:focus-visible { outline: 2px solid #93c5fd; }
@keyframes pulse { 50% { box-shadow: 0 0 0 8px rgba(225,29,72,.12); } }
@media (prefers-reduced-motion: reduce) { .ring { animation: none; } }
`;

export class Pointer {
  private host: HTMLElement | null = null;
  private ring!: HTMLElement;
  private tip!: HTMLElement;
  private text!: HTMLElement;
  private target: Element | null = null;
  private targets: readonly Target[] = [];
  private label = '';
  /** The step the pointer belongs to: it goes when the step does. */
  step: string | null = null;
  private paintHandle = 0;
  private readonly rtl = textDir() === 'rtl';

  constructor(
    private readonly closeLabel: string,
    /** Said after the label when the control shows only on hover and the ring is on its row. */
    private readonly hoverHint: string,
  ) {
    const later = () => this.schedule();
    for (const type of ['scroll', 'resize', 'mouseover', 'focusin', 'click'])
      addEventListener(type, later, { capture: true, passive: true });
  }

  show(step: string, targets: readonly Target[], label: string): boolean {
    const found = locate(targets);
    if (!found) return false;
    this.step = step;
    this.targets = targets;
    this.label = label;
    this.mount();
    found.el.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.place(found);
    return true;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.target = null;
    this.step = null;
  }

  /** Follow the page: the target may move, or a better one appear (a menu opened, a dialog shown). */
  schedule(): void {
    if (!this.host || this.paintHandle) return;
    this.paintHandle = requestAnimationFrame(() => {
      this.paintHandle = 0;
      if (!this.host) return;
      const found = locate(this.targets);
      if (found) this.place(found);
      else {
        this.ring.style.display = 'none';
        this.tip.style.display = 'none';
      }
    });
  }

  private mount(): void {
    if (this.host?.isConnected) return;
    this.host = document.createElement('unbind-pointer');
    this.host.setAttribute('popover', 'manual');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.ring = document.createElement('div');
    this.ring.className = 'ring';
    this.tip = document.createElement('div');
    this.tip.className = 'tip';
    this.tip.setAttribute('role', 'status');
    // The label reads in the interface's language and direction (Arabic: right to left, the close
    // button on the left), whatever the page's own.
    this.tip.setAttribute('dir', this.rtl ? 'rtl' : 'ltr');
    this.tip.setAttribute('lang', textLang());
    this.text = document.createElement('span');
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', this.closeLabel);
    close.addEventListener('click', () => this.remove());
    this.tip.append(this.text, close);
    root.append(style, this.ring, this.tip);
    document.documentElement.append(this.host);
    this.host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.remove();
    });
  }

  private place({ el: target, viaRow }: Found): void {
    const host = this.host!;
    this.text.textContent = viaRow ? `${this.label} ${this.hoverHint}` : this.label;
    // Shown again when the target changes, so it stays above a dialog that opened since.
    if (target !== this.target || !host.matches(':popover-open')) {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    }
    this.target = target;
    const r = target.getBoundingClientRect();
    const pad = 4;
    Object.assign(this.ring.style, {
      display: 'block',
      left: `${r.left - pad}px`,
      top: `${r.top - pad}px`,
      width: `${r.width + 2 * pad}px`,
      height: `${r.height + 2 * pad}px`,
    });
    const below = r.bottom + 10 + 40 < innerHeight;
    // Lined up with the target's start edge: its left in a left-to-right interface, its right in Arabic.
    const inset = `${Math.max(8, Math.min(this.rtl ? innerWidth - r.right : r.left, innerWidth - 310))}px`;
    Object.assign(this.tip.style, {
      display: 'flex',
      left: this.rtl ? 'auto' : inset,
      right: this.rtl ? inset : 'auto',
      top: below ? `${r.bottom + 10}px` : `${Math.max(8, r.top - 48)}px`,
    });
  }
}
