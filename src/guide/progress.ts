// Guide progress in storage.local, one record per guide, validated on every read: a corrupt record
// is dropped with a warning (the guide starts over) rather than breaking the popup.
import browser from 'webextension-polyfill';
import { z } from '../shared/zod.ts';
import { NEW_PROGRESS, type Progress } from './engine.ts';

export const GUIDES_KEY = 'guides';

const Stamp = z.nullable(z.number());
export const ProgressSchema = z.object({
  step: z.nullable(z.string()),
  reached: z.array(z.string()),
  registered: z.nullable(z.boolean()),
  cards: z.nullable(z.number().check(z.int(), z.nonnegative())),
  finishedAt: Stamp,
  keptAt: Stamp,
  scheme: z.enum(['https:', 'http:']),
});

/** Every guide's progress; entries that do not validate are left out. */
export function readAllProgress(raw: unknown): Record<string, Progress> {
  const out: Record<string, Progress> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [id, value] of Object.entries(raw)) {
    const r = ProgressSchema.safeParse(value);
    if (r.success) out[id] = r.data;
    else console.warn(`[Unbind] progress of guide ${id} was unreadable; it starts over`);
  }
  return out;
}

export async function loadProgress(): Promise<Record<string, Progress>> {
  return readAllProgress((await browser.storage.local.get(GUIDES_KEY))[GUIDES_KEY]);
}

export async function saveProgress(all: Record<string, Progress>): Promise<void> {
  await browser.storage.local.set({ [GUIDES_KEY]: all });
}

export const progressOf = (all: Record<string, Progress>, id: string): Progress => all[id] ?? { ...NEW_PROGRESS, reached: [] };
