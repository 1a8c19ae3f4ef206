// Cloud function `programme`: the elderly-living-alone registry with its helper reminder (daily timer) and the
// old-compound ledger with its task list. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions, timers } from '../../../server/handlers/programme';

export const main = createMain(actions, timers);
