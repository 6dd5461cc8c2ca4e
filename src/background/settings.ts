// Settings, the background's part: the only writer of the allow list and the guard switch (the
// notice and the popup ask by message), and the repair of any damaged local record.
import { withSiteAllowed } from '../shared/settings';
import { LOCAL_RECORDS, settings } from '../storage/records';
import { repairStored, update } from '../storage/writer';
import type { Handlers } from './dispatch';

export const settingsHandlers = {
  'allow-site': (msg) => update(settings, (s) => withSiteAllowed(s, msg.site, msg.allowed)),
  'guard-enabled': (msg) => update(settings, (s) => ({ ...s, guardEnabled: msg.enabled })),
} satisfies Partial<Handlers>;

/** Damaged records (all, or those whose keys changed) are repaired in storage, their originals kept
 *  aside (see writer.ts). */
export const repairLocal = (changedKeys?: readonly string[]) =>
  Promise.all(LOCAL_RECORDS.filter((r) => !changedKeys || changedKeys.includes(r.key)).map((r) => repairStored(r)));
