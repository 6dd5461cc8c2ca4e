// The background's messages, one handler per message type. The `Handlers` type names every type in
// ToBackground: a new message type without its handler fails the build.
import { parseMessage, ToBackground } from '../shared/messages';

/** Who sent a message: the tab and frame of a content script; no tab for the popup. */
export interface Sender {
  tabId?: number;
  frameId: number;
}

type MessageOf<K extends ToBackground['type']> = Extract<ToBackground, { type: K }>;
export type Handlers = { [K in ToBackground['type']]: (msg: MessageOf<K>, from: Sender) => Promise<unknown> | undefined };

/** A handler that only makes sense for a message from a tab's content script. */
export const fromTab =
  <K extends ToBackground['type']>(fn: (msg: MessageOf<K>, tabId: number, frameId: number) => Promise<unknown> | undefined) =>
  (msg: MessageOf<K>, from: Sender) =>
    from.tabId === undefined ? undefined : fn(msg, from.tabId, from.frameId);

/** Parses a raw message and runs its handler; anything malformed, or not from this extension, is dropped. */
export function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: { id?: string; tab?: { id?: number }; frameId?: number },
  ownId: string,
): Promise<unknown> | undefined {
  const msg = parseMessage(ToBackground, raw, 'background');
  if (!msg || sender.id !== ownId) return undefined;
  const handler = handlers[msg.type] as (m: ToBackground, from: Sender) => Promise<unknown> | undefined;
  const done = handler(msg, { tabId: sender.tab?.id, frameId: sender.frameId ?? 0 });
  return done ? done.catch((err: unknown) => console.error('[Unbind]', msg.type, err)) : undefined;
}
