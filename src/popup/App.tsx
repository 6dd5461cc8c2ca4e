import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import guides from 'virtual:unbind-guides';
import type { Progress } from '../guide/engine';
import { GUIDES_KEY, loadProgress, progressOf } from '../guide/progress';
import { hostMatches } from '../guide/schema';
import { KEPT_KEY, type KeptSites, type TabRecord } from '../shared/messages';
import { guardOffFor, type Settings } from '../shared/settings';
import { tabKey } from '../shared/tab-record';
import { t } from './i18n';
import { CardsPanel } from './Cards';
import { GuidePanel } from './Guide';
import { currentTabId, loadKept, loadSettings, loadTabRecord, saveSettings } from './state';

const STATE_TEXT = { unticked: 'stateUnticked', kept: 'stateKept', user: 'stateUser', 'gave-up': 'stateGaveUp' } as const;

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [record, setRecord] = useState<TabRecord | null>(null);
  const [settings, setSettings] = useState<Settings>();
  const [problem, setProblem] = useState(false);
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [kept, setKept] = useState<KeptSites>({});

  useEffect(() => {
    void (async () => {
      const id = await currentTabId();
      // All at once, then shown together: the popup is never half loaded (main[data-ready]).
      const [rec, loaded, prog, keptSites] = await Promise.all([
        id === undefined ? null : loadTabRecord(id), loadSettings(), loadProgress(), loadKept(),
      ]);
      setTabId(id);
      setRecord(rec);
      setProgress(prog);
      setKept(keptSites);
      setProblem(!!loaded.problem);
      setSettings(loaded.settings);
    })();
  }, []);

  // Live: the record changes as the page's frames report, the settings as the notice changes them.
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'session' && tabId !== undefined && changes[tabKey(tabId)]) void loadTabRecord(tabId).then(setRecord);
      if (area === 'local') void loadSettings().then((l) => setSettings(l.settings));
      if (area === 'local' && changes[GUIDES_KEY]) void loadProgress().then(setProgress);
      if (area === 'local' && changes[KEPT_KEY]) void loadKept().then(setKept);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [tabId]);

  const update = (next: Settings) => { setSettings(next); void saveSettings(next); };
  const site = record?.site ?? '';
  const guide = guides.find((g) => site && g.hosts.some((h) => hostMatches(site, h)));

  return (
    <main data-ready={settings ? '' : undefined}>
      <h1><img src="/icons/icon-32.png" alt="" />{t('extName')}</h1>
      {guide && tabId !== undefined && <GuidePanel guide={guide} progress={progressOf(progress, guide.id)} tabId={tabId} />}
      <section aria-labelledby="this-page">
        <h2 id="this-page">{t('popupThisPage')}{site ? ` · ${site}` : ''}</h2>
        {!record ? <p class="muted">{t('popupNoPage')}</p>
          : record.boxes.length === 0 ? <p class="muted" data-testid="no-boxes">{t('popupNothing')}</p>
          : (
            <ul data-testid="boxes">
              {record.boxes.map((b) => (
                <li class="box" key={`${b.frameId}:${b.boxId}`} data-state={b.state}>
                  <span class="label">“{b.label}”</span>
                  <span class={`state ${b.state}`}>{t(STATE_TEXT[b.state])}</span>
                </li>
              ))}
            </ul>
          )}
      </section>
      <CardsPanel guides={guides} progress={progress} kept={kept} />
      {settings && (
        <section aria-labelledby="settings">
          <h2 id="settings">{t('popupSettings')}</h2>
          {problem && <p class="problem" role="alert">{t('popupSettingsProblem')}</p>}
          <label class="row">
            <input type="checkbox" data-testid="guard" checked={settings.guardEnabled}
              onChange={(e) => update({ ...settings, guardEnabled: e.currentTarget.checked })} />
            <span>{t('popupGuard')}</span>
          </label>
          {site && (
            <label class="row">
              <input type="checkbox" data-testid="allow-site" checked={guardOffFor({ ...settings, guardEnabled: true }, site)}
                onChange={(e) => update({
                  ...settings,
                  allowList: e.currentTarget.checked ? [...settings.allowList, site] : settings.allowList.filter((s) => s !== site),
                })} />
              <span>{t('popupAllowSite', site)}</span>
            </label>
          )}
          <h2>{t('popupAllowed')}</h2>
          {settings.allowList.length === 0 ? <p class="muted">{t('popupAllowedNone')}</p> : (
            <ul data-testid="allow-list">
              {settings.allowList.map((s) => (
                <li class="site" key={s}>
                  <span>{s}</span>
                  <button type="button" aria-label={t('popupRemoveSite', s)}
                    onClick={() => update({ ...settings, allowList: settings.allowList.filter((x) => x !== s) })}>{t('popupRemove')}</button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
