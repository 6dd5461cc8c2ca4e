// The removal guide in the popup: the steps, where the person is (live, from the guide script), a
// button that points at the next control on the page, and the end: no card left.
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { siteUrl, statuses, type Progress } from '../guide/engine';
import { guideKey, type Guide } from '../guide/schema';
import { parseMessage, PointAnswer, toBackground } from '../shared/messages';
import { t } from '../shared/i18n';

export const formatDate = (ms: number) =>
  new Date(ms).toLocaleDateString(browser.i18n.getUILanguage(), { day: 'numeric', month: 'short', year: 'numeric' });

export function GuidePanel({ guide, progress, tabId }: { guide: Guide; progress: Progress; tabId: number }) {
  // null until "Show me" is answered; the answer is also on the element, for tests to wait on.
  const [pointed, setPointed] = useState<boolean | null>(null);
  const status = statuses(guide, progress);
  const currentIndex = status.indexOf('current');
  const current = guide.steps[currentIndex];

  // Every frame is asked (a site may show the step in a frame from another origin); only a frame that
  // pointed answers, so no answer means none could.
  const point = async () => {
    const raw: unknown = current
      ? await browser.tabs.sendMessage(tabId, { type: 'guide-point', step: current.id }).catch(() => null)
      : null;
    setPointed(raw == null ? false : (parseMessage(PointAnswer, raw, 'popup')?.pointed ?? false));
  };
  const open = (relative: string) => void browser.tabs.update(tabId, { url: siteUrl(relative, progress.scheme) });
  const restart = () => void toBackground({ type: 'guide-restart', guide: guide.id });

  return (
    <section aria-labelledby="guide-heading" data-testid="guide" data-guide={guide.id}>
      <h2 id="guide-heading">{t('guideHeading', guide.name)}</h2>
      {progress.finishedAt !== null ? (
        <p class="finished" role="status" data-testid="guide-finished">
          ✓ {t('guideFinished', [guide.name, formatDate(progress.finishedAt)])}
        </p>
      ) : (
        current && (
          <div
            class="current"
            data-testid="guide-current"
            data-step={current.id}
            data-pointed={pointed === null ? undefined : String(pointed)}
          >
            <p class="step-title">
              <span class="here">{t('guideYouAreHere')}:</span> {t(guideKey(guide.id, current.id, 'title'))}
            </p>
            <p>{t(guideKey(guide.id, current.id, 'do'))}</p>
            <div class="actions">
              <button type="button" class="primary" data-testid="guide-point" onClick={() => void point()}>
                {t('guideShowMe')}
              </button>
              {current.open && (
                <button type="button" data-testid="guide-open" onClick={() => open(current.open!)}>
                  {t('guideOpen')}
                </button>
              )}
            </div>
            {pointed === false && (
              <p class="muted" role="status" data-testid="guide-no-target">
                {t('guideNothingToPoint')}
              </p>
            )}
            {progress.cards !== null && progress.cards > 0 && (
              <p class="muted" data-testid="guide-cards-left">
                {t('guideCardsLeft', String(progress.cards))}
              </p>
            )}
          </div>
        )
      )}
      <ol class="steps">
        {guide.steps.map((s, i) => (
          <li
            key={s.id}
            data-step={s.id}
            data-status={status[i]}
            class={status[i]}
            aria-current={status[i] === 'current' ? 'step' : undefined}
          >
            <span class="mark" aria-hidden="true">
              {status[i] === 'done' ? '✓' : status[i] === 'current' ? '➜' : status[i] === 'skipped' ? '–' : '○'}
            </span>
            <span>
              {t(guideKey(guide.id, s.id, 'title'))}
              {status[i] === 'skipped' && <span class="muted"> ({t('guideNotNeeded')})</span>}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" class="link" data-testid="guide-restart" onClick={restart}>
        {t('guideRestart')}
      </button>
    </section>
  );
}
