// Puts the frames' captures together into one snapshot file: each frame's HTML goes into its parent's
// iframe as srcdoc, each control gets the person's expectation (data-expect, data-kind), and the top
// document gets the header. Pure logic, run in the popup.
import { type CapturedControl, type FrameCapture, HEADER_SLOT, SLOT_RE } from './capture-types';
import { type Header, headerHtml, SNAPSHOT_VERSION } from './header';
import type { Limits } from './rules';
import { escapeAttr } from './serialise';

/** The person's word on a control: it should be unticked, or left as the page had it. */
export type Choice = 'untick' | 'leave';

/** The choice the list starts with: what Unbind did (a box it unticked: "should be unticked"). */
export const defaultChoice = (c: CapturedControl): Choice => (c.did === 'ticked' || c.did === 'not-ticked' ? 'leave' : 'untick');

/** The marks a control ends with in the snapshot. */
export function expectation(c: CapturedControl, choice: Choice): { expect: 'on' | 'off'; kind: 'save' | 'other' } {
  return choice === 'untick' ? { expect: 'off', kind: 'save' } : { expect: c.on ? 'on' : 'off', kind: 'other' };
}

const keyOf = (f: FrameCapture): string | null => (f.top ? '' : f.path ? f.path.join('.') : null);

/** The frames' HTML by place, each frame's own answer first, else what its parent could read of it. */
function framesByKey(frames: readonly FrameCapture[]): Map<string, { html: string; controls: CapturedControl[] }> {
  const byKey = new Map<string, { html: string; controls: CapturedControl[] }>();
  for (const f of frames) {
    const key = keyOf(f);
    if (key !== null && !byKey.has(key)) byKey.set(key, f);
  }
  for (const f of frames) for (const [slot, fb] of Object.entries(f.fallbacks)) if (!byKey.has(slot)) byKey.set(slot, fb);
  return byKey;
}

/** Every control the snapshot will hold, in page order of the frames' answers. */
export const controlsOf = (frames: readonly FrameCapture[]): CapturedControl[] =>
  [...framesByKey(frames).values()].flatMap((f) => f.controls);

export interface Assembled {
  html: string;
  header: Header;
  controls: number;
}

export function assemble(
  frames: readonly FrameCapture[],
  choices: Readonly<Record<string, Choice>>,
  at: { host: string; date: string },
  limits: Pick<Limits, 'maxFrameDepth'>,
): Assembled {
  const byKey = framesByKey(frames);
  const cut = new Set<string>();
  if (frames.some((f) => keyOf(f) === null)) cut.add('a frame whose place in the page is unknown');
  const top = byKey.get('');
  if (!top) throw new Error('the top frame gave no snapshot');
  const controls = new Map(controlsOf(frames).map((c) => [c.id, c] as const));
  let marked = 0;

  const render = (html: string, depth: number): string =>
    html
      .replace(/ data-unbind-control="([^"]*)"/g, (_m, id: string) => {
        const c = controls.get(id);
        if (!c) return '';
        marked++;
        const e = expectation(c, choices[id] ?? defaultChoice(c));
        return ` data-expect="${e.expect}" data-kind="${e.kind}"`;
      })
      .replace(new RegExp(` srcdoc="${SLOT_RE.source}"`, 'g'), (_m, key: string) => {
        const inner = byKey.get(key)?.html;
        if (inner === undefined) {
          cut.add('a frame Unbind could not read (its frame answered nothing)');
          return ' srcdoc=""';
        }
        if (depth >= limits.maxFrameDepth) {
          cut.add(`frames nested deeper than ${limits.maxFrameDepth} left empty`);
          return ' srcdoc=""';
        }
        return ` srcdoc="${escapeAttr(render(inner, depth + 1))}"`;
      });

  for (const f of frames) for (const c of f.cut) cut.add(c);
  const body = render(top.html, 0);
  const header: Header = { version: SNAPSHOT_VERSION, host: at.host, date: at.date, cut: [...cut].join('; ') || 'none' };
  return { html: body.replace(HEADER_SLOT, headerHtml(header)), header, controls: marked };
}
