// Walks every checkout fixture page with the extension loaded and compares each control's final state
// with the state the page's own markup expects (data-expect). Any mismatch fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutcomes, visit } from '../support/outcomes.mjs';
import { listCheckoutPages } from '../../fixtures/server.mjs';
import { useEnv } from '../support/env';
import { tabPool } from '../support/tab-pool.mjs';

const pages = (await listCheckoutPages()).filter((p) => !p.endsWith('-frame') && !p.startsWith('e2e-'));

describe('every checkout fixture ends as it expects', () => {
  const env = useEnv();

  it('has the fixture corpus the issue asks for', () => {
    expect(pages.filter((p) => p.startsWith('save-')).length).toBeGreaterThanOrEqual(40);
    expect(pages.filter((p) => p.startsWith('neg-')).length).toBeGreaterThanOrEqual(12);
  });

  // Four pages at a time (maxConcurrency), in four tabs reused from page to page (tab-pool.mjs).
  let tabs: ReturnType<typeof tabPool>;
  beforeAll(() => {
    tabs = tabPool(env.browser);
  });
  it.concurrent.each(pages)('%s', (name) =>
    tabs.use(async (page) => {
      const errors: string[] = [];
      const onError = (e: unknown) => errors.push(String(e));
      page.on('pageerror', onError);
      try {
        await visit(page, env.checkout(name));
        const outcomes = await readOutcomes(page);
        expect(outcomes.length, 'page declares no data-expect control').toBeGreaterThan(0);
        if (name.startsWith('save-'))
          expect(
            outcomes.some((o) => o.kind === 'save'),
            'a save- page without a save box',
          ).toBe(true);
        if (name.startsWith('neg-'))
          expect(
            outcomes.some((o) => o.kind === 'save'),
            'a neg- page with a save box',
          ).toBe(false);
        expect(outcomes.filter((o) => !o.ok)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        page.off('pageerror', onError);
      }
    }),
  );
});
