// "Where your cards are": what Unbind has seen of cards kept by the sites it has guides for.
import browser from 'webextension-polyfill';
import { siteUrl, type Progress } from '../guide/engine';
import type { Guide } from '../guide/schema';
import { formatDate } from './Guide';
import { t } from './i18n';

export function CardsPanel({ guides, progress }: { guides: Guide[]; progress: Record<string, Progress> }) {
  const seen = guides.filter((g) => progress[g.id] && (progress[g.id]!.cards !== null || progress[g.id]!.keptAt !== null));
  return (
    <section aria-labelledby="cards-heading" data-testid="cards">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      {seen.length === 0 ? <p class="muted">{t('cardsNone')}</p> : (
        <ul>
          {seen.map((g) => {
            const p = progress[g.id]!;
            return (
              <li class="site" key={g.id} data-guide={g.id}>
                <span>
                  <strong>{g.name}</strong>{' · '}
                  <span data-testid="cards-state">
                    {p.cards === 0 ? t('cardsNoneLeft') : p.cards !== null ? t('cardsCount', String(p.cards)) : t('cardsKeptAt', formatDate(p.keptAt!))}
                  </span>
                </span>
                <button type="button" onClick={() => void browser.tabs.create({ url: siteUrl(g.manage, p.scheme) })}>{t('cardsManage')}</button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
