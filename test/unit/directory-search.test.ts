// Looking things up in the directory: by what a person types, and by the host of a tab.
import sites from 'virtual:unbind-sites';
import { describe, expect, it } from 'vitest';
import type { SiteEntry } from '../../src/directory/schema';
import { cardPageFor, searchSites, siteForHost } from '../../src/directory/search';
import { entry, sourced } from '../support/directory';

const ENTRIES = [
  entry('zalando', ['Zalando'], ['zalando.de', 'zalando.fr']),
  entry('galeries', ['Galeries Lafayette'], ['galerieslafayette.com']),
  entry('ozon', ['Ozon', 'Озон'], ['ozon.ru']),
  entry('mercado', ['Mercado Libre', 'Mercado Livre'], ['mercadolibre.com.mx', 'mercadolivre.com.br']),
  entry('google', ['Google Pay'], ['google.com']),
  entry('gpay', ['Google Pay payments'], ['pay.google.com']),
  entry('jd', ['JD.com'], ['jd.com']),
];
const ids = (list: SiteEntry[]) => list.map((e) => e.id);

describe('searchSites', () => {
  it('finds by name, whatever the case, names that start with the words first', () => {
    expect(ids(searchSites(ENTRIES, 'ZALANDO'))).toEqual(['zalando']);
    expect(ids(searchSites(ENTRIES, 'google'))).toEqual(['google', 'gpay']);
    expect(ids(searchSites(ENTRIES, 'pay'))).toEqual(['google', 'gpay']);
    expect(ids(searchSites(ENTRIES, 'libre'))).toEqual(['mercado']);
    expect(ids(searchSites(ENTRIES, 'Livre'))).toEqual(['mercado']);
  });

  it('folds accents and finds names in other scripts', () => {
    expect(ids(searchSites(ENTRIES, 'Galéries'))).toEqual(['galeries']);
    expect(ids(searchSites([entry('cafe', ['Café Bon'], ['cafe.example'])], 'cafe'))).toEqual(['cafe']);
    expect(ids(searchSites(ENTRIES, 'озон'))).toEqual(['ozon']);
  });

  it('finds by host, with or without https:// and www.', () => {
    expect(ids(searchSites(ENTRIES, 'zalando.fr'))).toEqual(['zalando']);
    expect(ids(searchSites(ENTRIES, 'https://www.zalando.fr'))).toEqual(['zalando']);
    expect(ids(searchSites(ENTRIES, 'http://ozon.ru'))).toEqual(['ozon']);
    expect(ids(searchSites(ENTRIES, 'www.mercadolivre.com.br'))).toEqual(['mercado']);
    expect(ids(searchSites(ENTRIES, 'mercadolivre'))).toEqual(['mercado']);
  });

  it('a name match ranks above a host match', () => {
    const list = [entry('host', ['Other'], ['shopfoo.example']), entry('name', ['Shopfoo'], ['elsewhere.example'])];
    expect(ids(searchSites(list, 'shopfoo'))).toEqual(['name', 'host']);
  });

  it('nothing typed gives everything; nothing found gives nothing', () => {
    expect(searchSites(ENTRIES, '  ')).toHaveLength(ENTRIES.length);
    expect(searchSites(ENTRIES, 'nosuchshop')).toEqual([]);
  });
});

describe('siteForHost', () => {
  it('matches a host and its subdomains, not a look-alike', () => {
    expect(siteForHost(ENTRIES, 'zalando.de')?.id).toBe('zalando');
    expect(siteForHost(ENTRIES, 'www.zalando.de')?.id).toBe('zalando');
    expect(siteForHost(ENTRIES, 'en.zalando.fr')?.id).toBe('zalando');
    expect(siteForHost(ENTRIES, 'notzalando.de')).toBeNull();
    expect(siteForHost(ENTRIES, 'zalando.de.evil.example')).toBeNull();
    expect(siteForHost(ENTRIES, 'shop.example')).toBeNull();
  });

  it('the most specific host wins, in whichever order the entries come', () => {
    expect(siteForHost(ENTRIES, 'pay.google.com')?.id).toBe('gpay');
    expect(siteForHost([...ENTRIES].reverse(), 'pay.google.com')?.id).toBe('gpay');
    expect(siteForHost(ENTRIES, 'www.google.com')?.id).toBe('google');
  });
});

describe('cardPageFor', () => {
  const same = entry('same', ['Same'], ['same.example', 'same.example.de'], {
    cardPage: sourced('https://www.same.example/wallet?x=1'),
    cardPageOnEveryHost: true,
  });

  it('opens the card page on the host the person used when the path is the same on every host', () => {
    expect(cardPageFor(same, 'same.example.de')).toBe('https://same.example.de/wallet?x=1');
    expect(cardPageFor(same, 'smile.same.example')).toBe('https://smile.same.example/wallet?x=1');
    expect(cardPageFor(same, 'other.example')).toBe('https://www.same.example/wallet?x=1');
  });

  it('otherwise gives the address as it is, or null when unknown', () => {
    expect(cardPageFor(ENTRIES[0]!, 'zalando.fr')).toBe('https://zalando.de/account/cards');
    expect(cardPageFor(entry('u', ['U'], ['u.example'], { cardPage: { unknown: 'not found' } }), 'u.example')).toBeNull();
  });
});

describe('the shipped directory', () => {
  it('knows the shops by host and by name', () => {
    expect(siteForHost(sites, 'www.amazon.de')?.id).toBe('amazon');
    expect(cardPageFor(siteForHost(sites, 'amazon.de')!, 'amazon.de')).toBe('https://amazon.de/cpe/yourpayments/wallet');
    expect(searchSites(sites, 'https://www.amazon.co.uk/')[0]?.id).toBe('amazon');
  });
});
