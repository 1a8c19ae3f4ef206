// Cloud function `org`: accounts and organisation. The actions live in server/handlers/org; this file only wires them.
import { createMain } from '../../../server/infra/dispatch';
import { actions, timers } from '../../../server/handlers/org';

export const main = createMain(actions, timers);
