// The removal guides' job in the background: each guide's progress, moved on by what the guide
// script reads from the site's pages (every frame of a tab: the readings are combined, since a site
// may show its card list in a frame from another origin), and started over from the popup.
import guides from 'virtual:unbind-guides';
import { advance, combineReadings, NEW_PROGRESS, type PageReading } from '../guide/engine';
import { type FrameReading, guideProgress, MAX_FRAME_READINGS, tabRecord } from '../storage/records';
import { update } from '../storage/writer';
import { noteGuideCount } from './card-hunt';
import { fromTab, type Handlers } from './dispatch';

/** The tab's readings of this guide with this frame's new one: a frame's reading replaces its last.
 *  The top frame's new page empties the list (the guard's `page` message, see tab-boxes.ts), so the
 *  readings of frames that went with the old page never count. */
async function tabReadings(tabId: number, frameId: number, guide: string, reading: PageReading): Promise<FrameReading[]> {
  const rec = await update(tabRecord(tabId), (r) => {
    const others = (r.guide ?? []).filter((f) => f.frameId !== frameId);
    // Too many frames: the oldest readings go first, never the top frame's.
    while (others.length >= MAX_FRAME_READINGS) {
      const oldest = others.findIndex((f) => f.frameId !== 0);
      others.splice(oldest, 1);
    }
    return { ...r, guide: [...others, { frameId, guide, reading }] };
  });
  return (rec.guide ?? []).filter((f) => f.guide === guide);
}

export const guideProgressHandlers = {
  guide: fromTab<'guide'>(async (msg, tabId, frameId) => {
    const guide = guides.find((g) => g.id === msg.guide);
    if (!guide) return;
    const frames = await tabReadings(tabId, frameId, msg.guide, msg.reading);
    const reading = combineReadings(
      guide,
      frames.map((f) => f.reading),
    );
    // Only frames of the guide's site inside another site's page (PayPal's buttons at a shop) that are
    // no step and say nothing: the person is not on the site, and their progress stays where it was.
    const topIsSite = frames.some((f) => f.frameId === 0);
    if (!topIsSite && reading.step === null && reading.cards === null && reading.registered === null && !reading.bound) return;
    await update(guideProgress, (p) => {
      const prev = p.byGuide[msg.guide] ?? NEW_PROGRESS;
      // The scheme to open the site's pages with is the top page's; a frame's may differ.
      p.byGuide[msg.guide] = advance(prev, reading, frameId === 0 ? msg.scheme : prev.scheme, Date.now());
    });
    // The count on the card page is the place's state in "Where your cards are".
    if (reading.cards !== null) await noteGuideCount(msg.guide, reading.cards);
  }),
  'guide-restart': (msg) =>
    update(guideProgress, (p) => {
      if (!(msg.guide in p.byGuide)) return false;
      delete p.byGuide[msg.guide];
    }),
} satisfies Partial<Handlers>;
