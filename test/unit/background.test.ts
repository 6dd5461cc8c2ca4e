// The background's jobs, driven through the same dispatch as real messages, against a fake storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { leftTickedBox } from '../../src/background/card-inventory';
import { dispatch } from '../../src/background/dispatch';
import { WAKE_SCRIPT } from '../../src/background/guard-script-files';
import { handlers } from '../../src/background/handlers';
import { badgeText, mergeReports } from '../../src/background/tab-boxes';
import type { BoxReport, TabBox } from '../../src/shared/messages';
import { ToBackground } from '../../src/shared/messages';
import { installFakeChrome, type FakeChrome } from '../support/fake-chrome';

let chrome: FakeChrome;
/** What the background did to tabs, in order: `wake tab:frame` (the injected script) and `send tab:frame type`. */
let log: string[];
/** Frames where injecting fails (a browser page, a tab just closed). */
let unreachable: Set<string>;
beforeEach(() => {
  chrome = installFakeChrome();
  log = [];
  unreachable = new Set();
  const sendMessage = chrome.tabs.sendMessage;
  Object.assign(globalThis.chrome.tabs, {
    sendMessage: (tabId: number, message: { type: string }, opts?: { frameId?: number }) => {
      log.push(`send ${tabId}:${opts?.frameId} ${message.type}`);
      return sendMessage(tabId, message, opts);
    },
  });
  Object.assign(globalThis.chrome, {
    scripting: {
      executeScript: async ({ target, files }: { target: { tabId: number; frameIds: number[] }; files: string[] }) => {
        expect(files).toEqual([WAKE_SCRIPT.injected]);
        const where = `${target.tabId}:${target.frameIds.join()}`;
        if (unreachable.has(where)) throw new Error(`Cannot access contents of the page (${where})`);
        log.push(`wake ${where}`);
        return [];
      },
    },
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const box = (boxId: number, over: Partial<BoxReport> = {}): BoxReport => ({
  boxId,
  label: `Save card ${boxId}`,
  state: 'unticked',
  ticked: false,
  ...over,
});
const fromFrame = (tabId: number, frameId = 0) => ({ id: 'unbind-test', tab: { id: tabId }, frameId });
const fromPopup = { id: 'unbind-test' };
const send = (msg: unknown, sender: Parameters<typeof dispatch>[2] = fromPopup) => dispatch(handlers, msg, sender, 'unbind-test');

describe('merging reports', () => {
  it('a box reported again replaces its entry; boxes of other frames with the same id stay', () => {
    const before: TabBox[] = [
      { ...box(1), frameId: 0 },
      { ...box(1), frameId: 4 },
      { ...box(2), frameId: 0 },
    ];
    const { boxes, changed } = mergeReports(before, [box(1, { state: 'person', ticked: true }), box(3)], 0);
    expect(boxes.map((b) => `${b.frameId}:${b.boxId}:${b.state}`)).toEqual(['4:1:unticked', '0:2:unticked', '0:1:person', '0:3:unticked']);
    expect(changed.every((b) => b.frameId === 0)).toBe(true);
    expect(before).toHaveLength(3);
  });

  it('the badge counts the boxes unticked now', () => {
    const rec = {
      version: 1 as const,
      site: 's',
      boxes: [
        { ...box(1), frameId: 0 },
        { ...box(2, { state: 'reticked', ticked: true }), frameId: 0 },
        { ...box(3), frameId: 2 },
      ],
    };
    expect(badgeText(rec)).toBe('2');
    expect(badgeText({ ...rec, boxes: [] })).toBe('');
  });

  it('a box is left ticked when the person ticked it or had it re-ticked, and it is ticked now', () => {
    const b = (over: Partial<BoxReport>): TabBox => ({ ...box(1, over), frameId: 0 });
    expect(leftTickedBox([b({ state: 'person', ticked: true })])?.state).toBe('person');
    expect(leftTickedBox([b({ state: 'reticked', ticked: true })])?.state).toBe('reticked');
    expect(
      leftTickedBox([b({ state: 'person', ticked: false }), b({ state: 'unticked' }), b({ state: 'gave-up', ticked: true })]),
    ).toBeUndefined();
  });
});

describe('dispatch', () => {
  it('has a handler for every message type', () => {
    const types = ToBackground.def.options.map((o) => (o.def.shape.type as { def: { values: string[] } }).def.values[0]);
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
  });

  it('drops malformed messages and messages from elsewhere, and survives a failing handler', async () => {
    await send({ type: 'allow-site', site: 'a.example' });
    await send({ type: 'allow-site', site: 'a.example', allowed: true }, { id: 'another-extension' });
    expect(chrome.storage.local.data.has('settings')).toBe(false);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    chrome.storage.local.set = async () => {
      throw new Error('quota');
    };
    await expect(send({ type: 'guard-enabled', enabled: false })).resolves.toBeUndefined();
  });

  it('cuts a long label at a word for the popup and the notice (the guard sends it whole)', async () => {
    const long = `Save card for future payments. ${'Summit Coffee Club can charge this card for your next orders. '.repeat(4)}`.trim();
    await send({ type: 'boxes', site: 'shop.example', boxes: [{ ...box(1), label: long }] }, fromFrame(6, 0));
    const notice = chrome.sent.at(-1)!.message as { boxes: TabBox[] };
    const label = notice.boxes[0]!.label;
    expect(label.length).toBeLessThanOrEqual(120);
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    expect(long[label.length - 1]).toBe(' ');
  });

  it("the page, its frames' reports, the badge and the notice", async () => {
    await send({ type: 'page', site: 'shop.example' }, fromFrame(5));
    await send({ type: 'boxes', site: 'shop.example', boxes: [box(1)] }, fromFrame(5, 0));
    await send({ type: 'boxes', site: 'shop.example', boxes: [box(1), box(2)] }, fromFrame(5, 9));
    expect(chrome.badges.get(5)).toBe('3');
    const last = chrome.sent.at(-1)!;
    expect(last).toMatchObject({ tabId: 5, frameId: 0, message: { type: 'notice' } });
    expect((last.message as { boxes: TabBox[] }).boxes.map((b) => `${b.frameId}:${b.boxId}`)).toEqual(['0:1', '9:1', '9:2']);
    // Each frame that reported is woken (it follows the settings from then on), and the top frame is
    // woken before it is sent the notice, once.
    expect(log).toEqual(['wake 5:0', 'send 5:0 notice', 'wake 5:9', 'send 5:0 notice']);
    // A report from a frame is not a new page; a new page in the top frame starts over.
    await send({ type: 'page', site: 'shop.example' }, fromFrame(5, 9));
    expect(chrome.badges.get(5)).toBe('3');
    await send({ type: 'page', site: 'other.example' }, fromFrame(5));
    expect(chrome.storage.session.data.get('tab:5')).toEqual({ version: 1, site: 'other.example', boxes: [] });
    expect(chrome.badges.get(5)).toBe('');
  });

  it('a frame is woken once per document: not again when its report says it is awake, again on a new page', async () => {
    const report = (frameId: number, awake?: boolean) =>
      send(
        { type: 'boxes', site: 'shop.example', boxes: [box(frameId)], ...(awake === undefined ? {} : { awake }) },
        fromFrame(6, frameId),
      );
    await send({ type: 'page', site: 'shop.example' }, fromFrame(6));
    await report(3);
    await report(3, true);
    await report(0, true);
    expect(log).toEqual(['wake 6:3', 'wake 6:0', 'send 6:0 notice', 'send 6:0 notice', 'send 6:0 notice']);
    log.length = 0;
    await send({ type: 'page', site: 'shop.example' }, fromFrame(6));
    await report(3);
    expect(log).toEqual(['wake 6:3', 'wake 6:0', 'send 6:0 notice']);
  });

  it('a top frame that could not be woken is tried again at the next report', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    await send({ type: 'page', site: 'shop.example' }, fromFrame(7));
    unreachable.add('7:0');
    await send({ type: 'boxes', site: 'shop.example', boxes: [box(1)] }, fromFrame(7, 2));
    unreachable.clear();
    await send({ type: 'boxes', site: 'shop.example', boxes: [box(2)], awake: true }, fromFrame(7, 2));
    expect(log).toEqual(['wake 7:2', 'send 7:0 notice', 'wake 7:0', 'send 7:0 notice']);
  });

  it('reports from many frames at once all land', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, f) => send({ type: 'boxes', site: 's.example', boxes: [box(1)] }, fromFrame(8, f))));
    expect((chrome.storage.session.data.get('tab:8') as { boxes: unknown[] }).boxes).toHaveLength(12);
  });

  it('"Keep it ticked" goes to the frame that holds the box, woken first (a restarted background forgot it)', async () => {
    await send({ type: 'retick', frameId: 9, boxId: 2 }, fromFrame(5));
    expect(chrome.sent).toEqual([{ tabId: 5, frameId: 9, message: { type: 'retick', boxId: 2 } }]);
    expect(log).toEqual(['wake 5:9', 'send 5:9 retick']);
  });

  for (const [why, settings] of [
    ['an allowed site (a page opened before it was allowed)', { version: 1, guardEnabled: true, allowList: ['shop.example'] }],
    ['the guard switched off', { version: 1, guardEnabled: false, allowList: [] }],
  ] as const) {
    it(`${why}: a report only wakes its frame, which stands down; nothing is counted or shown`, async () => {
      await chrome.storage.local.set({ settings });
      await send({ type: 'page', site: 'shop.example' }, fromFrame(5));
      await send({ type: 'boxes', site: 'shop.example', boxes: [box(1)] }, fromFrame(5, 3));
      expect(log).toEqual(['wake 5:3']);
      expect(chrome.storage.session.data.get('tab:5')).toEqual({ version: 1, site: 'shop.example', boxes: [] });
      expect(chrome.badges.get(5)).toBe('');
      expect(chrome.storage.local.data.has('leftTicked')).toBe(false);
    });
  }

  it('a subdomain of an allowed site is allowed; corrupt settings leave the guard on', async () => {
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['shop.example'] } });
    await send({ type: 'boxes', site: 'pay.shop.example', boxes: [box(1)] }, fromFrame(5, 0));
    expect(chrome.badges.get(5)).toBeUndefined();
    await chrome.storage.local.set({ settings: { version: 'x', guardEnabled: 'yes', allowList: 42 } });
    await send({ type: 'boxes', site: 'pay.shop.example', boxes: [box(1)] }, fromFrame(5, 0));
    expect(chrome.badges.get(5)).toBe('1');
  });

  it('a frame that cannot be woken (a browser page, a closed tab) does not stop the report', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    unreachable.add('5:0');
    await send({ type: 'boxes', site: 'shop.example', boxes: [box(1)] }, fromFrame(5, 4));
    expect(chrome.badges.get(5)).toBe('1');
    expect(log).toEqual(['wake 5:4', 'send 5:0 notice']);
  });

  it('remembers a site where the person left a box ticked, and forgets it when asked', async () => {
    await send(
      { type: 'boxes', site: 'shop.example', boxes: [box(1, { state: 'person', ticked: true, label: 'Save my card' })] },
      fromFrame(5),
    );
    expect(chrome.storage.local.data.get('leftTicked')).toMatchObject({ version: 1, sites: { 'shop.example': { label: 'Save my card' } } });
    await send({ type: 'forget-left-ticked', site: 'shop.example' });
    expect(chrome.storage.local.data.get('leftTicked')).toEqual({ version: 1, sites: {} });
  });

  it('settings: the allow list and the guard switch, from the notice and the popup at once', async () => {
    await Promise.all([
      send({ type: 'allow-site', site: 'a.example', allowed: true }, fromFrame(1)),
      send({ type: 'allow-site', site: 'b.example', allowed: true }),
      send({ type: 'guard-enabled', enabled: false }),
    ]);
    expect(chrome.storage.local.data.get('settings')).toEqual({ version: 1, guardEnabled: false, allowList: ['a.example', 'b.example'] });
    await send({ type: 'allow-site', site: 'a.example', allowed: false });
    expect(chrome.storage.local.data.get('settings')).toMatchObject({ allowList: ['b.example'] });
  });

  it('guide progress moves with what the pages read, for known guides only, and starts over', async () => {
    const reading = { step: 'cards', registered: true, cards: 2, bound: false };
    await send({ type: 'guide', guide: 'aliexpress', reading, scheme: 'https:' }, fromFrame(3));
    await send({ type: 'guide', guide: 'nosuchguide', reading, scheme: 'https:' }, fromFrame(3));
    await send({ type: 'guide', guide: 'aliexpress', reading, scheme: 'https:' }); // not from a tab
    const stored = chrome.storage.local.data.get('guides') as { byGuide: Record<string, { cards: number; reached: string[] }> };
    expect(Object.keys(stored.byGuide)).toEqual(['aliexpress']);
    expect(stored.byGuide.aliexpress).toMatchObject({ cards: 2, reached: ['cards'], registered: true });
    await send({ type: 'guide-restart', guide: 'aliexpress' });
    expect(chrome.storage.local.data.get('guides')).toEqual({ version: 1, byGuide: {} });
  });

  it("guide progress combines a tab's frames: the list in a frame moves it on, the top page's later reading does not move it back, a new top page drops the old frames", async () => {
    const none = { step: null, registered: null, cards: null, bound: false };
    const progress = () =>
      (
        chrome.storage.local.data.get('guides') as {
          byGuide: Record<string, { step: string | null; cards: number | null; finishedAt: number | null }>;
        }
      ).byGuide.googlepay;
    await send({ type: 'page', site: 'pay.google.com', path: '/gp/w/home/paymentmethods' }, fromFrame(5));
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'open' }, scheme: 'https:' }, fromFrame(5));
    expect(progress()).toMatchObject({ step: 'open', cards: null });
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'remove', cards: 2 }, scheme: 'https:' }, fromFrame(5, 7));
    expect(progress()).toMatchObject({ step: 'remove', cards: 2 });
    // The top frame reads its page again: the frame's list still counts.
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'open' }, scheme: 'https:' }, fromFrame(5));
    expect(progress()).toMatchObject({ step: 'remove', cards: 2 });
    // Another tab's frames are not this tab's.
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'open' }, scheme: 'https:' }, fromFrame(6));
    expect(progress()).toMatchObject({ step: 'open', cards: 2 });
    // The frame loads its next page (same frame): its new reading replaces its old one.
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'done', cards: 0 }, scheme: 'https:' }, fromFrame(5, 7));
    expect(progress()).toMatchObject({ step: 'done', cards: 0, finishedAt: expect.any(Number) });
    // A new page in the top frame: the old frames' readings are gone with it.
    await send({ type: 'page', site: 'pay.google.com', path: '/gp/w/home/' }, fromFrame(5));
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'open' }, scheme: 'https:' }, fromFrame(5));
    expect(progress()).toMatchObject({ step: 'open', cards: 0 });
    expect(chrome.storage.session.data.get('tab:5')).toMatchObject({ guide: [{ frameId: 0, guide: 'googlepay' }] });
    // A frame of the guide's site inside another site's page (a shop with the site's buttons) that is no
    // step leaves the progress alone; one that is a step moves it.
    await send({ type: 'page', site: 'shop.example', path: '/checkout' }, fromFrame(8));
    await send({ type: 'guide', guide: 'googlepay', reading: none, scheme: 'https:' }, fromFrame(8, 2));
    expect(progress()).toMatchObject({ step: 'open', cards: 0 });
    await send({ type: 'guide', guide: 'googlepay', reading: { ...none, step: 'signin' }, scheme: 'https:' }, fromFrame(8, 3));
    expect(progress()).toMatchObject({ step: 'signin' });
    // A page with very many frames: the oldest frames' readings go, the top frame's stays.
    for (let f = 1; f <= 40; f++) await send({ type: 'guide', guide: 'googlepay', reading: none, scheme: 'https:' }, fromFrame(5, f));
    const kept = (chrome.storage.session.data.get('tab:5') as { guide: { frameId: number }[] }).guide.map((f) => f.frameId);
    expect(kept).toHaveLength(16);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(40);
  });
});
