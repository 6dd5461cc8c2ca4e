// "Where your cards are": the places that may keep the person's card, as a list they work through.
// Each place says why it is there (a box left ticked, a card bound, the browsing history, the person),
// where its card page is, and its state, which the person can change. Below: "I have a card at..."
// (the directory), the browsing history (only when asked, with the optional permission), and the
// list as a file. Every change goes to the background by message; nothing here writes storage.
import { useState } from 'preact/hooks';
import sites from 'virtual:unbind-sites';
import browser from 'webextension-polyfill';
import { buildList, type PlaceView, type Reason } from '../card-hunt/list';
import { SITE_PATTERN, type PlaceKey } from '../card-hunt/place';
import { exportFile, type ImportError, MAX_FILE_BYTES, parseFile } from '../card-hunt/transfer';
import { searchSites, siteForHost } from '../directory/search';
import { siteUrl } from '../guide/engine';
import { hostMatches, type Guide } from '../guide/schema';
import { siteOf } from '../shared/hosts';
import { t } from '../shared/i18n';
import { toBackground } from '../shared/messages';
import type { CardPlaces, GuideProgress, LeftTicked } from '../storage/records';
import { formatDate } from './Guide';

interface Props {
  guides: Guide[];
  progress: GuideProgress['byGuide'];
  leftTicked: LeftTicked['sites'];
  cardPlaces: CardPlaces;
  historyAccess: boolean;
}

export function CardsPanel({ guides, progress, leftTicked, cardPlaces, historyAccess }: Props) {
  const list = buildList({ places: cardPlaces.places, leftTicked, progress, entries: sites, guides });
  return (
    <section aria-labelledby="cards-heading" data-testid="cards">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      {list.length === 0 ? (
        <p class="muted" data-testid="cards-none">
          {t('cardsNone')}
        </p>
      ) : (
        <ul data-testid="places">
          {list.map((v) => (
            <PlaceItem key={v.key} view={v} progress={v.guide ? progress[v.guide.id] : undefined} />
          ))}
        </ul>
      )}
      <AddPlace guides={guides} onList={new Set(list.map((v) => v.key))} />
      <HistoryLook
        access={historyAccess}
        historyAt={cardPlaces.historyAt}
        found={Object.values(cardPlaces.places).filter((p) => p.history).length}
      />
      <Transfer cardPlaces={cardPlaces} leftTicked={leftTicked} />
    </section>
  );
}

// ---- one place --------------------------------------------------------------------------------------

function reasonText(r: Reason): string {
  const date = formatDate(r.at);
  switch (r.kind) {
    case 'left-ticked':
      return t('cardsLeftTicked', date);
    case 'bound':
      return t('cardsBoundAt', date);
    case 'paid':
      return t('cardsReasonPaid', date);
    case 'checkout':
      return t('cardsReasonCheckout', date);
    case 'added':
      return t('cardsReasonAdded', date);
    case 'card-page':
      return t('cardsReasonCardPage', date);
  }
}

function stateText(v: PlaceView): { text: string; at: number | null } {
  const s = v.state;
  switch (s.kind) {
    case 'unchecked':
      return { text: t('cardsStateUnchecked'), at: null };
    case 'cards':
      return { text: t('cardsStateSeen', String(s.cards)), at: s.at };
    case 'none-left':
      return { text: t('cardsNoneLeft'), at: s.at };
    case 'removed':
      return { text: t('cardsStateRemoved'), at: s.at };
  }
}

/** The guide's way in: the first step with a page to open, on the scheme the site was seen on. */
function guideStart(guide: Guide, progress: GuideProgress['byGuide'][string] | undefined): string | null {
  const first = guide.steps.find((s) => s.open);
  return first?.open ? siteUrl(first.open, progress?.scheme ?? 'https:') : null;
}

function PlaceItem({ view: v, progress }: { view: PlaceView; progress: GuideProgress['byGuide'][string] | undefined }) {
  const [count, setCount] = useState('');
  const send = (msg: Parameters<typeof toBackground>[0]) => void toBackground(msg);
  const state = stateText(v);
  const guideHref = v.guide ? guideStart(v.guide, progress) : null;
  const open = (url: string) => void browser.tabs.create({ url });
  const saveCount = (e: Event) => {
    e.preventDefault();
    const n = Number.parseInt(count, 10);
    if (Number.isInteger(n) && n >= 0 && n <= 99) send({ type: 'place-count', place: v.key, cards: n });
    setCount('');
  };
  return (
    <li class="place" data-place={v.key} data-state={v.state.kind} data-guide={v.guide?.id} data-site={v.sites[0]}>
      <div class="place-head">
        <strong>{v.name}</strong>
        <span class={`chip ${v.state.kind}`} data-testid="cards-state">
          {state.text}
        </span>
        {state.at !== null && (
          <span class="muted" data-testid="state-date">
            {formatDate(state.at)}
          </span>
        )}
      </div>
      {v.reasons.length > 0 && (
        <ul class="reasons" data-testid="reasons">
          {v.reasons.map((r) => (
            <li key={`${r.kind}:${r.at}`} data-reason={r.kind}>
              {reasonText(r)}
            </li>
          ))}
        </ul>
      )}
      {v.menuPath && (
        <span class="muted" data-testid="manage-path">
          {v.menuPath.join(' › ')}
        </span>
      )}
      <div class="actions">
        {v.cardPage && (
          <button type="button" data-testid="manage" data-href={v.cardPage} onClick={() => open(v.cardPage!)}>
            {t('cardsOpen')}
          </button>
        )}
        {guideHref && (
          <button type="button" class="primary" data-testid="guide-me" data-href={guideHref} onClick={() => open(guideHref)}>
            {t('cardsGuideMe')}
          </button>
        )}
        {v.state.kind === 'removed' ? (
          <button type="button" data-testid="undo-removed" onClick={() => send({ type: 'place-removed', place: v.key, removed: false })}>
            {t('cardsUndoRemoved')}
          </button>
        ) : (
          <button type="button" data-testid="mark-removed" onClick={() => send({ type: 'place-removed', place: v.key, removed: true })}>
            {t('cardsMarkRemoved')}
          </button>
        )}
        <button
          type="button"
          data-testid="forget"
          aria-label={t('cardsForgetSite', v.name)}
          onClick={() => send({ type: 'place-forget', place: v.key })}
        >
          {t('cardsForget')}
        </button>
      </div>
      {v.countByPerson && v.state.kind !== 'removed' && (
        <form class="count" data-testid="count-form" onSubmit={saveCount}>
          <label>
            {t('cardsCountLabel')}{' '}
            <input
              type="number"
              min="0"
              max="99"
              inputMode="numeric"
              data-testid="count-input"
              value={count}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
          </label>
          <button type="submit" data-testid="count-save" disabled={count === ''}>
            {t('cardsCountSave')}
          </button>
          <button type="button" data-testid="none-left" onClick={() => send({ type: 'place-count', place: v.key, cards: 0 })}>
            {t('cardsNoneLeftButton')}
          </button>
        </form>
      )}
    </li>
  );
}

// ---- "I have a card at..." ------------------------------------------------------------------------

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** A site typed as an address ("shop.example", "https://www.shop.example/cart"), or null. */
function typedSite(query: string): string | null {
  const q = query.trim().toLowerCase();
  if (!/^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/.test(q)) return null;
  try {
    const site = siteOf(new URL(q.includes('://') ? q : `https://${q}`).hostname);
    return SITE_PATTERN.test(site) ? site : null;
  } catch {
    return null;
  }
}

interface Candidate {
  key: PlaceKey;
  name: string;
  host: string;
}

function AddPlace({ guides, onList }: { guides: Guide[]; onList: Set<string> }) {
  const [query, setQuery] = useState('');
  const q = fold(query);
  const candidates: Candidate[] = [];
  if (q) {
    for (const e of searchSites(sites, query).slice(0, 6))
      candidates.push({ key: `dir:${e.id}`, name: e.names[0]!, host: e.hosts[0] ?? '' });
    // A guide the directory does not name yet is a place too.
    for (const g of guides) {
      if (sites.some((e) => e.guide === g.id)) continue;
      if (fold(g.name).includes(q) || g.hosts.some((h) => h.includes(q) || hostMatches(q, h)))
        candidates.push({ key: `dir:${g.id}`, name: g.name, host: g.hosts[0]! });
    }
    const site = typedSite(query);
    if (site && !siteForHost(sites, site) && !guides.some((g) => g.hosts.some((h) => hostMatches(site, h))))
      candidates.push({ key: `site:${site}`, name: site, host: '' });
  }
  const add = (key: PlaceKey) => {
    void toBackground({ type: 'place-add', place: key });
    setQuery('');
  };
  return (
    <div class="add-place">
      <label for="place-search" class="add-label">
        {t('cardsSearchLabel')}
      </label>
      <input
        id="place-search"
        type="search"
        autocomplete="off"
        data-testid="place-search"
        placeholder={t('cardsSearchPlaceholder')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {q && (
        <ul class="results" data-testid="place-results" aria-live="polite">
          {candidates.length === 0 && <li class="muted">{t('cardsSearchNone')}</li>}
          {candidates.map((c) => (
            <li key={c.key} class="site" data-place={c.key}>
              <span>
                {c.name} {c.host && <span class="muted">{c.host}</span>}
              </span>
              {onList.has(c.key) ? (
                <span class="muted" data-testid="on-list">
                  {t('cardsOnList')}
                </span>
              ) : (
                <button type="button" data-testid="place-add" onClick={() => add(c.key)}>
                  {c.key.startsWith('site:') ? t('cardsAddSite', c.name) : t('cardsAdd')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ---- the browsing history, when the person asks ------------------------------------------------

type Phase = 'idle' | 'asking' | 'looking' | 'refused' | 'failed';

function HistoryLook({ access, historyAt, found }: { access: boolean; historyAt: number | null; found: number }) {
  const [phase, setPhase] = useState<Phase>('idle');
  // chrome.permissions.request needs the click's user gesture: it is called at once, in the handler.
  // The browser's prompt may close the popup; the background then looks on its own (permissions.onAdded).
  const look = () => {
    setPhase('asking');
    chrome.permissions.request({ permissions: ['history'] }).then(
      async (granted) => {
        if (!granted) return setPhase('refused');
        setPhase('looking');
        const answer = (await toBackground({ type: 'history-look' })) as { found?: number } | undefined;
        setPhase(answer && typeof answer.found === 'number' ? 'idle' : 'failed');
      },
      (err: unknown) => {
        console.debug('[Unbind] history access not given:', err);
        setPhase('refused');
      },
    );
  };
  const giveBack = () => void chrome.permissions.remove({ permissions: ['history'] }).catch(() => {});
  return (
    <div class="history" data-testid="history" data-access={access ? 'yes' : 'no'}>
      <p class="muted">{t('historyIntro')}</p>
      {phase === 'looking' && (
        <p role="status" data-testid="history-looking">
          {t('historyLooking')}
        </p>
      )}
      {phase === 'refused' && (
        <p class="problem" role="alert" data-testid="history-refused">
          {t('historyRefused')}
        </p>
      )}
      {phase === 'failed' && (
        <p class="problem" role="alert" data-testid="history-failed">
          {t('historyFailed')}
        </p>
      )}
      {historyAt !== null && phase !== 'looking' && (
        <p role="status" data-testid="history-looked">
          {t('historyLooked', [formatDate(historyAt), String(found)])}
        </p>
      )}
      {historyAt !== null && !access && (
        <p class="muted" data-testid="history-given-back">
          {t('historyGivenBack')}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="history-look"
          disabled={phase === 'asking' || phase === 'looking'}
          onClick={look}
        >
          {historyAt === null ? t('historyLook') : t('historyLookAgain')}
        </button>
        {access && (
          <button type="button" data-testid="history-give-back" onClick={giveBack}>
            {t('historyGiveBack')}
          </button>
        )}
        {historyAt !== null && (
          <button type="button" class="link" data-testid="history-forget" onClick={() => void toBackground({ type: 'history-forget' })}>
            {t('historyForget')}
          </button>
        )}
      </div>
    </div>
  );
}

// ---- the list as a file ---------------------------------------------------------------------------

const IMPORT_TEXT: Record<ImportError['kind'], string> = {
  'too-big': 'importTooBig',
  'not-json': 'importNotJson',
  'not-a-list': 'importNotList',
  newer: 'importNewer',
  invalid: 'importInvalid',
};

function Transfer({ cardPlaces, leftTicked }: { cardPlaces: CardPlaces; leftTicked: LeftTicked['sites'] }) {
  const [result, setResult] = useState<{ ok: true; places: number } | { ok: false; text: string } | null>(null);
  const save = () => {
    const now = Date.now();
    const file = exportFile(cardPlaces.places, leftTicked, now);
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `unbind-cards-${new Date(now).toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const load = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    const r = f.size > MAX_FILE_BYTES ? ({ ok: false, error: { kind: 'too-big' } } as const) : parseFile(await f.text());
    if (!r.ok) {
      const detail = r.error.kind === 'invalid' || r.error.kind === 'not-json' ? r.error.detail : '';
      return setResult({ ok: false, text: t(IMPORT_TEXT[r.error.kind], detail) });
    }
    const answer = (await toBackground({ type: 'places-import', list: r.file })) as { imported?: boolean } | undefined;
    if (!answer?.imported) return setResult({ ok: false, text: t('importInvalid', '') });
    setResult({ ok: true, places: Object.keys(r.file.places).length + Object.keys(r.file.leftTicked).length });
  };
  return (
    <div class="transfer">
      <div class="actions">
        <button type="button" data-testid="export" onClick={save}>
          {t('listExport')}
        </button>
        <label class="file-button">
          {t('listImport')}
          <input
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            data-testid="import"
            onChange={(e) => void load(e.currentTarget)}
          />
        </label>
      </div>
      {result?.ok === false && (
        <p class="problem" role="alert" data-testid="import-error">
          {result.text}
        </p>
      )}
      {result?.ok && (
        <p role="status" data-testid="import-done">
          {t('listImported', String(result.places))}
        </p>
      )}
    </div>
  );
}
