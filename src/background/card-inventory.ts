// "Where your cards are", the background's part: the sites where a person left a save box ticked
// (their own tick, or "Keep it ticked"), so the site may keep the card. Site, label and date only.
import type { TabBox } from '../shared/messages';
import { leftTicked } from '../storage/records';
import { update } from '../storage/writer';
import type { Handlers } from './dispatch';

/** The box of a report that the person left ticked, if any. */
export const leftTickedBox = (changed: readonly TabBox[]): TabBox | undefined =>
  changed.find((b) => b.ticked && (b.state === 'person' || b.state === 'reticked'));

export async function noteLeftTicked(site: string, changed: readonly TabBox[]): Promise<void> {
  const box = leftTickedBox(changed);
  if (!box || !site) return;
  await update(leftTicked, (l) => {
    l.sites[site] = { at: Date.now(), label: box.label };
  });
}

export const cardInventoryHandlers = {
  'forget-left-ticked': (msg) =>
    update(leftTicked, (l) => {
      if (!(msg.site in l.sites)) return false;
      delete l.sites[msg.site];
    }),
} satisfies Partial<Handlers>;
