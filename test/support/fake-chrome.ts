// An in-memory chrome.storage (local and session) with onChanged, for unit tests of the storage
// module and the background's jobs. Values are copied through JSON like the real one, and every call
// yields to other tasks first, so interleaved reads and writes really interleave.
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const tick = () => new Promise((r) => setTimeout(r, 0));
const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function fakeArea(name: string, listeners: Set<Listener>) {
  const data = new Map<string, unknown>();
  const emit = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    for (const l of listeners) l(changes, name);
  };
  return {
    data,
    async get(keys: string | string[] | null) {
      await tick();
      const list = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      await tick();
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: copy(v) };
        data.set(k, copy(v));
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      await tick();
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (!data.has(k)) continue;
        const oldValue = data.get(k);
        data.delete(k);
        emit({ [k]: { oldValue } });
      }
    },
  };
}

export type FakeChrome = ReturnType<typeof installFakeChrome>;

/** A browsing history page as chrome.history.search gives it. */
export interface FakeHistoryPage {
  url: string;
  lastVisitTime: number;
  title?: string;
}

/** Puts a fake `chrome` on globalThis (storage, runtime id, and the calls the background makes). */
export function installFakeChrome() {
  const listeners = new Set<Listener>();
  /** Optional permissions granted now; the history the fake chrome.history.search reads. */
  const granted = new Set<string>();
  const historyPages: FakeHistoryPage[] = [];
  const searches: chrome.history.HistoryQuery[] = [];
  const sent: { tabId: number; message: unknown; frameId?: number }[] = [];
  const badges = new Map<number, string>();
  const fake = {
    runtime: { id: 'unbind-test', sendMessage: async () => undefined, onMessage: { addListener() {} } },
    storage: {
      local: fakeArea('local', listeners),
      session: fakeArea('session', listeners),
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown, opts?: { frameId?: number }) => {
        sent.push({ tabId, message, frameId: opts?.frameId });
      },
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
        badges.set(tabId, text);
      },
    },
    permissions: {
      contains: async ({ permissions = [] }: { permissions?: string[] }) => permissions.every((p) => granted.has(p)),
    },
    /** Like Chrome's: words of `text` in the address or title, visits since `startTime`, newest first, at most `maxResults`. */
    history: {
      search: async (q: chrome.history.HistoryQuery) => {
        if (!granted.has('history')) throw new Error('history permission not granted');
        searches.push(q);
        await tick();
        return historyPages
          .filter((p) => p.lastVisitTime >= (q.startTime ?? 0) && (!q.text || `${p.url} ${p.title ?? ''}`.includes(q.text)))
          .sort((a, b) => b.lastVisitTime - a.lastVisitTime)
          .slice(0, q.maxResults ?? 100)
          .map((p) => ({ ...p, id: p.url }));
      },
    },
  };
  (globalThis as { chrome?: unknown }).chrome = fake;
  return { ...fake, sent, badges, listeners, granted, historyPages, searches };
}
