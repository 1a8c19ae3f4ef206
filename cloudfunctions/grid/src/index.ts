// Cloud function `grid`: weekly grid contact and risk report, and the weekly close. The actions live in server/handlers/grid.
import { createMain } from '../../../server/infra/dispatch';
import { actions, timers } from '../../../server/handlers/grid';

export const main = createMain(actions, timers);
