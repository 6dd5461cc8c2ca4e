import { describe, expect, it } from 'vitest';
import raw from '../../src/data/manage-pages.json';
import { managePageFor, readManagePages } from '../../src/shared/manage-pages';

describe('manage-cards pages of other sites', () => {
  it('the shipped file validates', () => {
    const { pages, problems } = readManagePages(raw);
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('finds a site by host suffix and builds its https address on that host', () => {
    expect(managePageFor('amazon.de')?.href).toBe('https://amazon.de/cpe/yourpayments/wallet');
    expect(managePageFor('smile.amazon.com')?.page.name).toBe('Amazon');
    expect(managePageFor('notamazon.com')).toBeNull();
    expect(managePageFor('shop.example')).toBeNull();
  });

  it('leaves out entries that do not fit, naming them', () => {
    const { pages, problems } = readManagePages([
      { name: 'Ok', hosts: ['ok.example'], url: '/cards', path: 'Cards' },
      { name: '', hosts: 'x', url: 'javascript:alert(1)' },
    ]);
    expect(pages.map((p) => p.name)).toEqual(['Ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^manage-pages\.json\[1\]/);
    expect(readManagePages({}).problems).toEqual(['manage-pages.json: not a list']);
  });
});
