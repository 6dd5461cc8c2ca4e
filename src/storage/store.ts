// How every stored record is read, watched and written. The records themselves are declared in
// records.ts; this file knows nothing of any one of them. It calls chrome.storage directly (promise
// based in MV3, in Chrome and Firefox alike), so content scripts can read without the polyfill.
import { describeIssues, type z } from '../shared/zod';

export type Area = 'local' | 'session';

/** A stored record: where it lives, its shape, its value when nothing is stored, and how to read an
 *  older or damaged value. Every record's value carries its `version`. */
export interface StoredRecord<T extends { version: number }> {
  key: string;
  area: Area;
  version: T['version'];
  schema: z.ZodMiniType<T>;
  initial(): T;
  /** What can still be used of a value that does not parse (older version, damage), or null. */
  repair(raw: unknown): T | null;
}

export interface Loaded<T> {
  value: T;
  /** Set when the stored value did not parse: what was wrong, and that it was repaired. */
  problem?: string;
}

/** Where the unreadable original of a record is set aside, never silently lost. */
export const unreadableKey = (key: string) => `${key}.unreadable`;

/** The record's value from a raw stored value: valid, repaired or initial, never a throw. */
export function parseRecord<T extends { version: number }>(rec: StoredRecord<T>, raw: unknown): Loaded<T> {
  if (raw === undefined) return { value: rec.initial() };
  const whole = rec.schema.safeParse(raw);
  if (whole.success) return { value: whole.data };
  const repaired = rec.schema.safeParse(safe(() => rec.repair(raw)));
  return {
    value: repaired.success ? repaired.data : rec.initial(),
    problem: `stored ${rec.key} was unreadable (${describeIssues(whole.error)}); ${repaired.success ? 'kept what was valid' : 'started afresh'}`,
  };
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

const area = (a: Area) => chrome.storage[a];

export async function read<T extends { version: number }>(rec: StoredRecord<T>): Promise<Loaded<T>> {
  const stored = await area(rec.area).get(rec.key);
  const loaded = parseRecord(rec, stored[rec.key]);
  if (loaded.problem) console.warn(`[Unbind] ${loaded.problem}`);
  return loaded;
}

/** True when a damaged value of this record was repaired and its original is set aside. */
export async function hasUnreadable(rec: StoredRecord<{ version: number }>): Promise<boolean> {
  const key = unreadableKey(rec.key);
  return (await area(rec.area).get(key))[key] !== undefined;
}

/** Calls back with the record's new value whenever it changes; returns the way to stop. */
export function watch<T extends { version: number }>(rec: StoredRecord<T>, onChange: (loaded: Loaded<T>) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
    if (areaName === rec.area && rec.key in changes) onChange(parseRecord(rec, changes[rec.key]!.newValue));
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
