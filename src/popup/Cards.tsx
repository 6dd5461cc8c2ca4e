// "Where your cards are": what Unbind has seen of cards kept by sites: the card lists of the sites it
// has guides for, and the other sites where a save-card box was left ticked.
import sites from 'virtual:unbind-sites';
import browser from 'webextension-polyfill';
import { known } from '../directory/schema';
import { cardPageFor, siteForHost } from '../directory/search';
import { siteUrl } from '../guide/engine';
import { hostMatches, type Guide } from '../guide/schema';
import { toBackground } from '../shared/messages';
import type { GuideProgress, LeftTicked } from '../storage/records';
import { formatDate } from './Guide';
import { t } from '../shared/i18n';

export function CardsPanel({
  guides,
  progress,
  leftTicked,
}: {
  guides: Guide[];
  progress: GuideProgress['byGuide'];
  leftTicked: LeftTicked['sites'];
}) {
  const seen = guides.filter((g) => progress[g.id] && (progress[g.id]!.cards !== null || progress[g.id]!.boundAt !== null));
  const others = Object.entries(leftTicked).filter(([site]) => !guides.some((g) => g.hosts.some((h) => hostMatches(site, h))));
  return (
    <section aria-labelledby="cards-heading" data-testid="cards">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      {seen.length === 0 && others.length === 0 && <p class="muted">{t('cardsNone')}</p>}
      {others.length > 0 && (
        <ul data-testid="left-ticked-sites">
          {others.map(([site, k]) => {
            const entry = siteForHost(sites, site);
            const href = entry && cardPageFor(entry, site);
            const menu = entry && known(entry.menuPath);
            return (
              <li class="left-ticked" key={site} data-site={site}>
                <span>
                  <strong>{entry?.names[0] ?? site}</strong>
                  {' · '}
                  <span data-testid="left-ticked-state">{t('cardsLeftTicked', formatDate(k.at))}</span>
                </span>
                {menu && (
                  <span class="muted" data-testid="manage-path">
                    {menu.join(' › ')}
                  </span>
                )}
                <span class="actions">
                  {href && (
                    <button type="button" data-testid="manage" data-href={href} onClick={() => void browser.tabs.create({ url: href })}>
                      {t('cardsManage')}
                    </button>
                  )}
                  <button
                    type="button"
                    data-testid="forget"
                    aria-label={t('cardsForgetSite', site)}
                    onClick={() => void toBackground({ type: 'forget-left-ticked', site })}
                  >
                    {t('cardsForget')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {seen.length > 0 && (
        <ul>
          {seen.map((g) => {
            const p = progress[g.id]!;
            return (
              <li class="site" key={g.id} data-guide={g.id}>
                <span>
                  <strong>{g.name}</strong>
                  {' · '}
                  <span data-testid="cards-state">
                    {p.cards === 0
                      ? t('cardsNoneLeft')
                      : p.cards !== null
                        ? t('cardsCount', String(p.cards))
                        : t('cardsBoundAt', formatDate(p.boundAt!))}
                  </span>
                </span>
                <button type="button" onClick={() => void browser.tabs.create({ url: siteUrl(g.manage, p.scheme) })}>
                  {t('cardsManage')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
