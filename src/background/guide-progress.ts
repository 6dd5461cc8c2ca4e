// The removal guides' job in the background: each guide's progress, moved on by what the guide
// script reads from the site's pages, and started over from the popup.
import guides from 'virtual:unbind-guides';
import { advance, NEW_PROGRESS } from '../guide/engine';
import { guideProgress } from '../storage/records';
import { update } from '../storage/writer';
import { noteGuideCount } from './card-hunt';
import { fromTab, type Handlers } from './dispatch';

const known = (id: string) => guides.some((g) => g.id === id);

export const guideProgressHandlers = {
  guide: fromTab<'guide'>(async (msg) => {
    if (!known(msg.guide)) return;
    await update(guideProgress, (p) => {
      p.byGuide[msg.guide] = advance(p.byGuide[msg.guide] ?? NEW_PROGRESS, msg.reading, msg.scheme, Date.now());
    });
    // The count on the card page is the place's state in "Where your cards are".
    if (msg.reading.cards !== null) await noteGuideCount(msg.guide, msg.reading.cards);
  }),
  'guide-restart': (msg) =>
    update(guideProgress, (p) => {
      if (!(msg.guide in p.byGuide)) return false;
      delete p.byGuide[msg.guide];
    }),
} satisfies Partial<Handlers>;
