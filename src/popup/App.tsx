import guides from 'virtual:unbind-guides';
import { NEW_PROGRESS } from '../guide/engine';
import { hostMatches } from '../guide/schema';
import { toBackground } from '../shared/messages';
import { guardOffFor } from '../shared/settings';
import { t } from '../shared/i18n';
import { CardsPanel } from './Cards';
import { GuidePanel } from './Guide';
import { SnapshotPanel } from './Snapshot';
import { usePopupState } from './state';

const STATE_TEXT = { unticked: 'stateUnticked', reticked: 'stateReticked', person: 'statePerson', 'gave-up': 'stateGaveUp' } as const;

export function App() {
  const state = usePopupState();
  if (!state) return <main />;
  const { tabId, tab: record, settings, settingsProblem: problem, progress, leftTicked, cardPlaces, historyAccess } = state;
  const site = record?.site ?? '';
  const guide = guides.find((g) => site && g.hosts.some((h) => hostMatches(site, h)));
  const allow = (s: string, allowed: boolean) => void toBackground({ type: 'allow-site', site: s, allowed });

  return (
    <main data-ready="">
      <h1>
        <img src="/icons/icon-32.png" alt="" />
        {t('extName')}
      </h1>
      {guide && tabId !== undefined && <GuidePanel guide={guide} progress={progress[guide.id] ?? NEW_PROGRESS} tabId={tabId} />}
      <section aria-labelledby="this-page">
        <h2 id="this-page">
          {t('popupThisPage')}
          {site ? ` · ${site}` : ''}
        </h2>
        {!record ? (
          <p class="muted">{t('popupNoPage')}</p>
        ) : record.boxes.length === 0 ? (
          <p class="muted" data-testid="no-boxes">
            {t('popupNothing')}
          </p>
        ) : (
          <ul data-testid="boxes">
            {record.boxes.map((b) => (
              <li class="box" key={`${b.frameId}:${b.boxId}`} data-state={b.state}>
                <span class="label" dir="auto">
                  “{b.label}”
                </span>
                <span class={`state ${b.state}`}>{t(STATE_TEXT[b.state])}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SnapshotPanel tabId={tabId} />
      <CardsPanel guides={guides} progress={progress} leftTicked={leftTicked} cardPlaces={cardPlaces} historyAccess={historyAccess} />
      <section aria-labelledby="settings">
        <h2 id="settings">{t('popupSettings')}</h2>
        {problem && (
          <p class="problem" role="alert">
            {t('popupSettingsProblem')}
          </p>
        )}
        <label class="row">
          <input
            type="checkbox"
            data-testid="guard"
            checked={settings.guardEnabled}
            onChange={(e) => void toBackground({ type: 'guard-enabled', enabled: e.currentTarget.checked })}
          />
          <span>{t('popupGuard')}</span>
        </label>
        {site && (
          <label class="row">
            <input
              type="checkbox"
              data-testid="allow-site"
              checked={guardOffFor({ ...settings, guardEnabled: true }, site)}
              onChange={(e) => allow(site, e.currentTarget.checked)}
            />
            <span>{t('popupAllowSite', site)}</span>
          </label>
        )}
        <h2>{t('popupAllowed')}</h2>
        {settings.allowList.length === 0 ? (
          <p class="muted">{t('popupAllowedNone')}</p>
        ) : (
          <ul data-testid="allow-list">
            {settings.allowList.map((s) => (
              <li class="site" key={s}>
                <span>{s}</span>
                <button type="button" aria-label={t('popupRemoveSite', s)} onClick={() => allow(s, false)}>
                  {t('popupRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
