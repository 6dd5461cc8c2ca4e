// What the capture script returns from each frame, checked with zod by the popup (a frame's answer
// is the page's world's data: a hostile page could not forge it, but a broken frame could garble it).
import { z } from '../shared/zod';

export const DID = ['unticked', 'reticked', 'person', 'gave-up', 'ticked', 'not-ticked'] as const;

export const CapturedControl = z.object({
  /** Marker in the frame's HTML: data-unbind-control="<id>". */
  id: z.string().check(z.maxLength(64)),
  label: z.string().check(z.maxLength(300)),
  /** Ticked before Unbind acted (what the snapshot writes). */
  on: z.boolean(),
  /** What Unbind did: a state of its ledger, or, for a box it did not hold, whether it is ticked. */
  did: z.enum(DID),
  /** The page's own data-expect (our fixtures carry one), for the round-trip tests. */
  pageExpect: z.nullable(z.string().check(z.maxLength(10))),
});
export type CapturedControl = z.infer<typeof CapturedControl>;

export const FrameCapture = z.object({
  /** Where the frame sits: its index in each parent's window.frames from the top; null if unknown. */
  path: z.nullable(z.array(z.number().check(z.int(), z.nonnegative())).check(z.maxLength(32))),
  top: z.boolean(),
  host: z.string().check(z.maxLength(253)),
  /** Did the guard run in this frame (its ledger is there)? */
  guarded: z.boolean(),
  html: z.string(),
  /** Same-origin frames the frame could read itself, by slot: used when a frame answered nothing. */
  fallbacks: z.record(z.string(), z.object({ html: z.string(), controls: z.array(CapturedControl) })),
  cut: z.array(z.string()),
  controls: z.array(CapturedControl),
  elements: z.number(),
  ms: z.number(),
});
export type FrameCapture = z.infer<typeof FrameCapture>;

/** A frame's slot in its parent's HTML: written as the iframe's srcdoc until the snapshot is put together. */
export const slotToken = (key: string): string => `__unbind_frame_${key}__`;
export const SLOT_RE = /__unbind_frame_([\d.]+)__/g;
export const HEADER_SLOT = '<meta name="unbind-snapshot-pending">';
