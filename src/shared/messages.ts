// Every message between content scripts, the background and the popup has a schema here, and every
// receiver parses what it gets: a malformed message is dropped with a console warning. The every-page
// guard script imports none of it (it only sends, src/shared/send.ts); its receiving part, wake.ts, is
// injected into a frame only once the frame has something to say.
import { PlaceKey } from '../card-hunt/place';
import { describeIssues, z } from './zod';

const Text = z.string().check(z.maxLength(300));
const Site = z.string().check(z.maxLength(253));

/** What happened to one save-card box. */
export const BoxState = z.enum(['unticked', 'reticked', 'person', 'gave-up']);
export type BoxState = z.infer<typeof BoxState>;

export const BoxReport = z.object({
  boxId: z.number().check(z.int(), z.nonnegative()),
  label: Text,
  state: BoxState,
  /** Ticked right now (after the person's click, or after "Keep it ticked"). */
  ticked: z.boolean(),
});
export type BoxReport = z.infer<typeof BoxReport>;

const GuideId = z.string().check(z.regex(/^[a-z][a-z0-9]*$/));

export const PageReading = z.object({
  step: z.nullable(z.string().check(z.maxLength(40))),
  registered: z.nullable(z.boolean()),
  cards: z.nullable(z.number().check(z.int(), z.nonnegative())),
  bound: z.boolean(),
});

/** Content script or popup -> background. */
export const ToBackground = z.discriminatedUnion('type', [
  /** The top frame started a new page: the tab's record starts over. The URL's path (no query) lets
   *  the background note that a directory site's card page was open; only site and date are kept. */
  z.object({ type: z.literal('page'), site: Site, path: z.optional(z.string().check(z.maxLength(2048))) }),
  /** Boxes that changed state, batched per task (a page can add many at once). `awake`: the frame's
   *  guard was woken in this document already, so the background need not inject its second part again. */
  z.object({
    type: z.literal('boxes'),
    site: Site,
    boxes: z.array(BoxReport).check(z.maxLength(100)),
    awake: z.optional(z.boolean()),
  }),
  /** From the notice (top frame): re-tick a box, in whichever frame it lives. */
  z.object({ type: z.literal('retick'), frameId: z.number().check(z.int()), boxId: z.number().check(z.int()) }),
  /** From the guide script: what this page tells about the journey. */
  z.object({ type: z.literal('guide'), guide: GuideId, reading: PageReading, scheme: z.enum(['https:', 'http:']) }),
  /** From the popup: start a guide over. */
  z.object({ type: z.literal('guide-restart'), guide: GuideId }),
  /** From the popup: forget that a box was left ticked on this site. */
  z.object({ type: z.literal('forget-left-ticked'), site: Site }),
  /** From the notice or the popup: leave save boxes alone on this site, or stop doing so. */
  z.object({ type: z.literal('allow-site'), site: Site, allowed: z.boolean() }),
  /** From the popup: the guard on or off everywhere. */
  z.object({ type: z.literal('guard-enabled'), enabled: z.boolean() }),
  /** From the popup, once the person let Unbind read the browsing history: look through it now. */
  z.object({ type: z.literal('history-look') }),
  /** From the popup: forget what the browsing history showed (the places it alone put on the list). */
  z.object({ type: z.literal('history-forget') }),
  /** From the popup: "I have a card at..." (a directory entry, or a site typed by the person). */
  z.object({ type: z.literal('place-add'), place: PlaceKey }),
  /** From the popup: the cards the person sees on the place's card page now (0: none left). */
  z.object({ type: z.literal('place-count'), place: PlaceKey, cards: z.number().check(z.int(), z.nonnegative(), z.maximum(99)) }),
  /** From the popup: "I removed it", or its undo. */
  z.object({ type: z.literal('place-removed'), place: PlaceKey, removed: z.boolean() }),
  /** From the popup: forget everything Unbind noted about a place. */
  z.object({ type: z.literal('place-forget'), place: PlaceKey }),
  /** From the popup: a list exported earlier, merged in. Validated in the popup, and again by its
   *  handler (src/card-hunt/transfer.ts: PlacesFile), so the content scripts carry none of its schema. */
  z.object({ type: z.literal('places-import'), list: z.unknown() }),
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** A box as the tab's record and the notice know it: which frame it is in. */
export const TabBox = z.extend(BoxReport, { frameId: z.number().check(z.int()) });
export type TabBox = z.infer<typeof TabBox>;

/** Background -> content script. */
export const ToContent = z.discriminatedUnion('type', [
  /** To the top frame: show (or update) the notice with these boxes. */
  z.object({ type: z.literal('notice'), boxes: z.array(TabBox) }),
  /** To the frame that holds the box: tick it again, this once. */
  z.object({ type: z.literal('retick'), boxId: z.number().check(z.int()) }),
  /** From the popup to the guide script in every frame: point at the next control of this step. Only
   *  a frame whose page is that step points, and only a frame that pointed answers. */
  z.object({ type: z.literal('guide-point'), step: z.string().check(z.maxLength(40)) }),
]);

/** The guide script's answer to guide-point. */
export const PointAnswer = z.object({ pointed: z.boolean() });
export type PointAnswer = z.infer<typeof PointAnswer>;
export type ToContent = z.infer<typeof ToContent>;

/** Parses or returns null, with a warning that names the receiver. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown, receiver: string): T | null {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  console.warn(`[Unbind] ${receiver} dropped a malformed message:`, describeIssues(r.error));
  return null;
}

export { toBackground } from './send';
