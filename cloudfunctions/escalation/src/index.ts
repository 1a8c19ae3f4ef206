// Cloud function `escalation`: the quota ladder job (hourly timer) and the notice/case actions. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions, timers } from '../../../server/handlers/escalation';

export const main = createMain(actions, timers);
