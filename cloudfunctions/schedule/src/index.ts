// Cloud function `schedule`: monthly due dates of the tables sent upward, the working-day calendar, the daily reminders. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions, timers } from '../../../server/handlers/schedule';

export const main = createMain(actions, timers);
