// Every message type's handler, from the background's jobs. Typed as `Handlers`: a message type in
// ToBackground without a handler here fails the build.
import { cardHuntHandlers } from './card-hunt';
import { cardInventoryHandlers } from './card-inventory';
import type { Handlers } from './dispatch';
import { guideProgressHandlers } from './guide-progress';
import { settingsHandlers } from './settings';
import { tabBoxHandlers } from './tab-boxes';

export const handlers: Handlers = {
  ...tabBoxHandlers,
  ...guideProgressHandlers,
  ...cardInventoryHandlers,
  ...cardHuntHandlers,
  ...settingsHandlers,
};
