// Writes to stored records: only the background imports this (a unit test checks), so every write to
// a key, whatever asked for it (a content script, the popup, the background itself), goes through the
// one queue per key here. A content script or the popup asks by message.
import { parseRecord, read, unreadableKey, type StoredRecord } from './store';

const queues = new Map<string, Promise<unknown>>();

/** Runs `job` after every earlier job on the same key has finished (whether or not it failed). */
function inTurn<T>(key: string, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(job, job);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

const queueKey = (rec: StoredRecord<{ version: number }>) => `${rec.area}:${rec.key}`;

/** Reads, changes and writes a record in turn. `change` edits the value in place or returns a new
 *  one; returning `false` leaves storage untouched. */
export function update<T extends { version: number }>(rec: StoredRecord<T>, change: (value: T) => T | undefined | false): Promise<T> {
  return inTurn(queueKey(rec), async () => {
    const { value } = await read(rec);
    const next = change(value);
    if (next === false) return value;
    const result = next ?? value;
    await chrome.storage[rec.area].set({ [rec.key]: rec.schema.parse(result) });
    return result;
  });
}

export function remove(rec: StoredRecord<{ version: number }>): Promise<void> {
  return inTurn(queueKey(rec), () => chrome.storage[rec.area].remove(rec.key));
}

/** A damaged value is repaired in storage, its original set aside under `<key>.unreadable`. */
export function repairStored(rec: StoredRecord<{ version: number }>): Promise<string | undefined> {
  return inTurn(queueKey(rec), async () => {
    const raw = (await chrome.storage[rec.area].get(rec.key))[rec.key];
    const { value, problem } = parseRecord(rec, raw);
    if (!problem) return undefined;
    console.warn(`[Unbind] ${problem}`);
    await chrome.storage[rec.area].set({ [unreadableKey(rec.key)]: raw, [rec.key]: value });
    return problem;
  });
}
