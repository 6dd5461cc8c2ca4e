// The part of the content script that the background injects into a frame once it has something to
// say (src/content/wake.ts): it finds the frame's guard through its handle, runs once per document,
// follows the settings, and parses every message from the background.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type GuardHandle, publishHandle } from '../../src/content/handle';
import type { TabBox } from '../../src/shared/messages';
import { installFakeChrome, type FakeChrome } from '../support/fake-chrome';

type Listener = (raw: unknown) => undefined;
let chrome: FakeChrome;
let listeners: Listener[];
let calls: string[];

/** A stand-in for the guard's handle (index.ts publishes the real one): it notes what it is asked. */
function handle(isTop = true): GuardHandle {
  return {
    site: 'shop.example',
    isTop,
    retick: (id) => calls.push(`retick ${id}`),
    stateOf: () => undefined,
    setOff: (off) => calls.push(`off ${off}`),
  };
}

/** Runs the injected script as the browser does, once per injection. */
async function inject(): Promise<void> {
  vi.resetModules();
  await import('../../src/content/wake');
  await new Promise((r) => setTimeout(r, 20)); // its settings read
}

const box: TabBox = { boxId: 1, label: 'Save this card for next time', state: 'unticked', ticked: false, frameId: 0 };

beforeEach(() => {
  chrome = installFakeChrome();
  listeners = [];
  calls = [];
  Object.assign(globalThis.chrome.runtime, { onMessage: { addListener: (l: Listener) => listeners.push(l) } });
  Object.assign(globalThis.chrome, { i18n: { getMessage: (key: string) => key } });
  publishHandle(undefined as unknown as GuardHandle);
  document.body.replaceChildren();
});

describe('waking a frame', () => {
  it('does nothing where no guard runs (an allowed site, a page opened before install)', async () => {
    await inject();
    expect(listeners).toHaveLength(0);
  });

  it('listens once, however often it is injected (a restarted background injects again)', async () => {
    publishHandle(handle());
    await inject();
    await inject();
    expect(listeners).toHaveLength(1);
    expect(calls).toEqual(['off false']); // default settings: the guard stays on (read once)
  });

  it('stands the guard down where the site is allowed, and follows later changes', async () => {
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['shop.example'] } });
    publishHandle(handle());
    await inject();
    expect(calls).toEqual(['off true']);
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: [] } });
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: false, allowList: [] } });
    expect(calls).toEqual(['off true', 'off false', 'off true']);
  });

  it('corrupt stored settings leave the guard on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await chrome.storage.local.set({ settings: { version: 'x', guardEnabled: 'yes', allowList: 42 } });
    publishHandle(handle());
    await inject();
    expect(calls).toEqual(['off false']);
  });

  it('drops a malformed message with a warning, and acts on a valid one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    publishHandle(handle());
    await inject();
    calls = [];
    for (const junk of [null, 42, { type: 'retick', boxId: 'x' }, { type: 'notice', boxes: 'no' }, { type: 'evil' }]) listeners[0]!(junk);
    expect(calls).toEqual([]);
    expect(warn.mock.calls.filter((c) => /content script dropped a malformed message/.test(String(c[0])))).toHaveLength(5);
    listeners[0]!({ type: 'retick', boxId: 3 });
    expect(calls).toEqual(['retick 3']);
  });

  it('shows the notice in the top frame only', async () => {
    publishHandle(handle(false));
    await inject();
    listeners[0]!({ type: 'notice', boxes: [box] });
    expect(document.querySelector('unbind-notice')).toBeNull();
    publishHandle(handle(true));
    await inject();
    listeners[1]!({ type: 'notice', boxes: [box] });
    expect(document.querySelector('unbind-notice')).not.toBeNull();
  });
});
