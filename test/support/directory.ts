// Directory entries and a guide made up for unit tests, so they do not depend on what the shipped
// directory holds today.
import type { SiteEntry } from '../../src/directory/schema';
import type { Guide } from '../../src/guide/schema';

export const sourced = <T>(value: T) => ({
  value,
  sources: [{ ref: 'https://help.example/cards', kind: 'official-help' as const, read: '2026-11-27' }],
});

export const entry = (id: string, names: string[], hosts: string[], extra: Partial<SiteEntry> = {}): SiteEntry => ({
  id,
  names,
  kind: 'shop',
  hosts,
  cardPage: sourced(`https://${hosts[0]}/account/cards`),
  menuPath: sourced(['Account', 'Cards']),
  setUpFirst: sourced(false),
  blockers: sourced([]),
  difficulty: 'easy',
  paidPaths: { unknown: 'not looked for' },
  ...extra,
});

/** A made-up guide: a shop and its wallet, a card list on the wallet. */
const css = (css: string) => ({ css, source: 'made-up' });
export const GUIDE: Guide = {
  id: 'walletshop',
  name: 'Walletshop · Wallet',
  hosts: ['walletshop.example', 'wallet.example'],
  fixture: 'none',
  manage: '//www.wallet.example/cards',
  sources: { 'made-up': { ref: 'https://help.example/cards', kind: 'official-help', read: '2026-11-27' } },
  registered: [],
  unregistered: [],
  steps: [
    { id: 'open', open: '//www.wallet.example/', places: [{ host: 'wallet.example', markers: [css('#home')] }] },
    { id: 'remove', places: [{ host: 'wallet.example', markers: [css('#cards')] }] },
  ],
  cardList: { place: { host: 'wallet.example', markers: [css('#cards')] }, card: css('.card'), empty: css('#none') },
  bound: [],
};

export const ENTRIES: SiteEntry[] = [
  entry('bigshop', ['Bigshop'], ['bigshop.example', 'bigshop.example.de'], {
    cardPage: sourced('https://www.bigshop.example/your/wallet'),
    cardPageOnEveryHost: true,
    paidPaths: sourced(['^/buy/thankyou', '^/your-orders/details']),
  }),
  entry('paybox', ['Paybox'], ['paybox.example'], { cardPage: sourced('https://paybox.example/'), paidPaths: sourced(['^/receipt/']) }),
  entry('nopaths', ['Nopaths'], ['nopaths.example']),
  entry('twohosts', ['Twohosts'], ['two.example', 'two.example.fr'], { cardPage: sourced('https://www.two.example/cards') }),
  entry('broken', ['Broken'], ['broken.example'], { paidPaths: sourced(['^/ok/', '(unclosed']) }),
];
