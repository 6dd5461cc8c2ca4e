// "Unbind got this page wrong": lists the page's checkbox-like controls (every frame, shadow roots
// included) with what Unbind did, lets the person say what each should end as, and saves the page as
// one self-contained HTML file through a download made here (no downloads permission). The capture
// script is injected only now, on the person's click; nothing is sent anywhere.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { type Choice, assemble, controlsOf, defaultChoice } from '../snapshot/assemble';
import { CAPTURE_SCRIPT } from '../snapshot/capture-file';
import { FrameCapture } from '../snapshot/capture-types';
import { checkSnapshot } from '../snapshot/check';
import { snapshotFileName } from '../snapshot/header';
import { rules } from '../snapshot/rules';

type Phase =
  | { at: 'idle' }
  | { at: 'busy' }
  | { at: 'list'; frames: FrameCapture[]; choices: Record<string, Choice> }
  | { at: 'saved'; file: string; kb: number; controls: number; cut: string; ms: number }
  | { at: 'error'; text: string };

const DID_TEXT = {
  unticked: 'snapDidUnticked',
  reticked: 'snapDidReticked',
  person: 'snapDidPerson',
  'gave-up': 'snapDidGaveUp',
  ticked: 'snapDidTicked',
  'not-ticked': 'snapDidNotTicked',
} as const;

/** Today as YYYY-MM-DD in the person's time zone (the file name and the header say when). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Injects the capture script into every frame of the tab and asks each frame for its part. */
async function captureTab(tabId: number): Promise<FrameCapture[]> {
  await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CAPTURE_SCRIPT.js] });
  const results = await chrome.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => (globalThis as { unbindSnapshot?: () => unknown }).unbindSnapshot?.() ?? null,
  });
  const frames: FrameCapture[] = [];
  for (const r of results) {
    const parsed = FrameCapture.safeParse(r.result);
    if (parsed.success) frames.push(parsed.data);
  }
  return frames;
}

/** Saves text as a file through the popup's own download: a Blob and an <a download> click. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function SnapshotPanel({ tabId }: { tabId: number | undefined }) {
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });

  const start = async () => {
    if (tabId === undefined) return;
    setPhase({ at: 'busy' });
    try {
      const frames = await captureTab(tabId);
      if (!frames.some((f) => f.top)) throw new Error('no answer from the page');
      const choices = Object.fromEntries(controlsOf(frames).map((c) => [c.id, defaultChoice(c)] as const));
      setPhase({ at: 'list', frames, choices });
    } catch {
      setPhase({ at: 'error', text: t('snapCannot') });
    }
  };

  const save = (frames: FrameCapture[], choices: Record<string, Choice>) => {
    const top = frames.find((f) => f.top)!;
    try {
      const made = assemble(frames, choices, { host: top.host.toLowerCase() || 'page', date: today() }, rules().limits);
      // The same checks `npm run fixture:add` runs: a snapshot that fails them is never written.
      const check = checkSnapshot(made.html, (h) => new DOMParser().parseFromString(h, 'text/html'), rules());
      if (check.problems.length) {
        setPhase({ at: 'error', text: t('snapFailed', check.problems.slice(0, 3).join('; ')) });
        return;
      }
      const file = snapshotFileName(made.header);
      download(file, made.html);
      const ms = frames.reduce((sum, f) => sum + f.ms, 0);
      setPhase({ at: 'saved', file, kb: Math.ceil(made.html.length / 1024), controls: made.controls, cut: made.header.cut, ms });
    } catch (err) {
      setPhase({ at: 'error', text: t('snapFailed', String((err as Error).message ?? err)) });
    }
  };

  return (
    <section aria-labelledby="snap" data-testid="snapshot">
      <h2 id="snap">{t('snapTitle')}</h2>
      {(phase.at === 'idle' || phase.at === 'busy' || phase.at === 'error') && (
        <>
          <p class="muted">{t('snapIntro')}</p>
          {phase.at === 'error' && (
            <p class="problem" role="alert" data-testid="snap-error">
              {phase.text}
            </p>
          )}
          <button type="button" data-testid="snap-start" disabled={phase.at === 'busy' || tabId === undefined} onClick={() => void start()}>
            {t('snapStart')}
          </button>
        </>
      )}
      {phase.at === 'list' && <SnapshotList phase={phase} onChoose={(choices) => setPhase({ ...phase, choices })} onSave={save} />}
      {phase.at === 'saved' && (
        <p role="status" data-testid="snap-saved" data-file={phase.file} data-capture-ms={phase.ms}>
          {t('snapSaved', [phase.file, String(phase.kb), String(phase.controls)])}
          {phase.cut !== 'none' && <span class="muted"> {t('snapCut', phase.cut)}</span>}
        </p>
      )}
    </section>
  );
}

function SnapshotList({
  phase,
  onChoose,
  onSave,
}: {
  phase: Extract<Phase, { at: 'list' }>;
  onChoose: (choices: Record<string, Choice>) => void;
  onSave: (frames: FrameCapture[], choices: Record<string, Choice>) => void;
}) {
  const { frames, choices } = phase;
  const hostOf = new Map(frames.flatMap((f) => f.controls.map((c) => [c.id, f.top ? '' : f.host] as const)));
  const items = controlsOf(frames).map((c) => ({ c, host: hostOf.get(c.id) ?? '' }));
  if (items.length === 0)
    return (
      <p class="muted" data-testid="snap-none">
        {t('snapNone')}
      </p>
    );
  return (
    <>
      <ul data-testid="snap-controls">
        {items.map(({ c, host }) => (
          <li class="snap-item" key={c.id} data-control={c.id} data-did={c.did} data-page-expect={c.pageExpect ?? undefined}>
            <span class="label">“{c.label || '…'}”</span>
            <span class="muted">
              {t(DID_TEXT[c.did])}
              {host ? ` · ${t('snapFrame', host)}` : ''}
            </span>
            <div class="snap-choices">
              {(['untick', 'leave'] as const).map((choice) => (
                <label class="row" key={choice}>
                  <input
                    type="radio"
                    name={`snap-${c.id}`}
                    value={choice}
                    checked={choices[c.id] === choice}
                    onChange={() => onChoose({ ...choices, [c.id]: choice })}
                  />
                  <span>{t(choice === 'untick' ? 'snapShouldUntick' : 'snapShouldLeave')}</span>
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <button type="button" class="primary" data-testid="snap-save" onClick={() => onSave(frames, choices)}>
        {t('snapSave')}
      </button>
    </>
  );
}
