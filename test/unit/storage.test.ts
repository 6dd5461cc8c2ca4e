// The storage module: every record read, repaired, watched and written through one queue per key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withSiteAllowed } from '../../src/shared/settings';
import { guideProgress, leftTicked, LOCAL_RECORDS, settings, tabRecord } from '../../src/storage/records';
import { hasUnreadable, parseRecord, read, watch } from '../../src/storage/store';
import { remove, repairStored, update } from '../../src/storage/writer';
import { installFakeChrome, type FakeChrome } from '../support/fake-chrome';

let chrome: FakeChrome;
beforeEach(() => {
  chrome = installFakeChrome();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const progress = {
  step: 'cards',
  reached: ['cards'],
  registered: true,
  cards: 2,
  finishedAt: null,
  boundAt: null,
  scheme: 'https:' as const,
};

describe('reading a record', () => {
  it('gives the initial value when nothing is stored, and a stored valid value as it is', async () => {
    expect(await read(settings)).toEqual({ value: { version: 1, guardEnabled: true, allowList: [] } });
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: false, allowList: ['shop.example'] } });
    expect(await read(settings)).toEqual({ value: { version: 1, guardEnabled: false, allowList: ['shop.example'] } });
  });

  it('repairs damaged settings field by field and says what was wrong', () => {
    const kept = parseRecord(settings, { version: 'x', guardEnabled: false, allowList: 42 });
    expect(kept.value).toEqual({ version: 1, guardEnabled: false, allowList: [] });
    expect(kept.problem).toMatch(/stored settings was unreadable \(version: .*allowList: .*\); kept what was valid/);
    expect(parseRecord(settings, { allowList: ['WWW.Shop.Example', ''] }).value.allowList).toEqual(['shop.example']);
    expect(parseRecord(settings, 'garbage').value).toEqual(settings.initial());
  });

  it('keeps the guides and sites whose entries still parse, drops the damaged ones', () => {
    const g = parseRecord(guideProgress, { version: 1, byGuide: { aliexpress: progress, broken: { step: 5 } } });
    expect(g.value.byGuide).toEqual({ aliexpress: progress });
    expect(g.problem).toMatch(/byGuide\.broken/);
    const l = parseRecord(leftTicked, { version: 1, sites: { 'a.example': { at: 1, label: 'Save card' }, 'b.example': { at: 'x' } } });
    expect(l.value.sites).toEqual({ 'a.example': { at: 1, label: 'Save card' } });
  });

  it('starts afresh when a repair throws or gives something that does not parse', () => {
    const throwing = {
      ...settings,
      repair: () => {
        throw new Error('boom');
      },
    };
    expect(parseRecord(throwing, 7)).toMatchObject({ value: settings.initial(), problem: expect.stringMatching(/started afresh/) });
    expect(parseRecord(tabRecord(3), { site: 1 }).value).toEqual({ version: 1, site: '', boxes: [] });
  });

  it('calls a watcher with the parsed new value of its own record only', async () => {
    const seen: unknown[] = [];
    const stop = watch(settings, (l) => seen.push(l.value));
    await chrome.storage.local.set({ leftTicked: { version: 1, sites: {} } });
    await chrome.storage.session.set({ settings: { version: 1, guardEnabled: false, allowList: [] } });
    await chrome.storage.local.set({ settings: { guardEnabled: false } });
    stop();
    await chrome.storage.local.set({ settings: settings.initial() });
    expect(seen).toEqual([{ version: 1, guardEnabled: false, allowList: [] }]);
  });
});

describe('writing a record', () => {
  it('serialises writes to one key: concurrent changes all land', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => update(settings, (s) => withSiteAllowed(s, `site${i}.example`, true))));
    const { value } = await read(settings);
    expect(value.allowList).toHaveLength(20);
    expect(new Set(value.allowList).size).toBe(20);
  });

  it('a failed change does not block the next one, and writes nothing', async () => {
    const failed = update(settings, () => {
      throw new Error('no');
    });
    const next = update(settings, (s) => ({ ...s, guardEnabled: false }));
    await expect(failed).rejects.toThrow('no');
    expect((await next).guardEnabled).toBe(false);
    expect(chrome.storage.local.data.get('settings')).toEqual({ version: 1, guardEnabled: false, allowList: [] });
  });

  it('refuses to store a value that does not fit the record, and keeps the stored one', async () => {
    await update(settings, (s) => ({ ...s, guardEnabled: false }));
    await expect(update(settings, (s) => ({ ...s, allowList: 'all' as unknown as string[] }))).rejects.toThrow();
    expect(chrome.storage.local.data.get('settings')).toEqual({ version: 1, guardEnabled: false, allowList: [] });
  });

  it('a change that returns false writes nothing', async () => {
    let writes = 0;
    chrome.listeners.add(() => writes++);
    await update(leftTicked, () => false);
    expect(writes).toBe(0);
    expect(chrome.storage.local.data.has('leftTicked')).toBe(false);
  });

  it('repairs a damaged record in storage and keeps the original aside, once', async () => {
    const broken = { version: 'x', guardEnabled: 'yes', allowList: ['ok.example', 3] };
    await chrome.storage.local.set({ settings: broken });
    expect(await hasUnreadable(settings)).toBe(false);
    expect(await repairStored(settings)).toMatch(/unreadable/);
    expect(chrome.storage.local.data.get('settings.unreadable')).toEqual(broken);
    expect(chrome.storage.local.data.get('settings')).toEqual({ version: 1, guardEnabled: true, allowList: [] });
    expect(await hasUnreadable(settings)).toBe(true);
    expect(await repairStored(settings)).toBeUndefined();
  });

  it('removes a tab record', async () => {
    await update(tabRecord(7), (r) => ({ ...r, site: 'shop.example' }));
    expect(chrome.storage.session.data.get('tab:7')).toMatchObject({ site: 'shop.example' });
    await remove(tabRecord(7));
    expect(chrome.storage.session.data.has('tab:7')).toBe(false);
  });
});

describe('the records', () => {
  it('each local record has its own key, a version and an initial value that fits its shape', () => {
    const keys = LOCAL_RECORDS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rec of [...LOCAL_RECORDS, tabRecord(1)]) {
      expect(rec.schema.safeParse(rec.initial()).success, rec.key).toBe(true);
      expect(rec.initial().version).toBe(rec.version);
    }
  });

  it('only the background writes: nothing else imports the writer, and nothing calls storage directly', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = path.join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
      });
    for (const file of files('src')) {
      const text = readFileSync(file, 'utf8');
      const where = file.split(path.sep).join('/');
      if (/storage\/writer/.test(text)) expect(where, `${where} imports the writer`).toMatch(/^src\/(background|storage)\//);
      if (/\b(chrome|browser)\.storage\.(local|session)\b/.test(text))
        expect(where, `${where} calls storage directly`).toMatch(/^src\/storage\//);
    }
  });
});
