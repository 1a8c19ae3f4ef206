// The `grid` function's action and timer tables: the grid leader's weekly contact and risk report, the boards the
// grid leader, the village liaison and the office read, and the weekly close.
import type { TimerDef } from '../../infra/dispatch';
import { contractActions, defineAction } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { runWeeklyCloseSchema } from '../../domain/grid/schemas';
import { listWeeks, weeklyBoard } from './board';
import { confirmContact } from './contacts';
import { fileWeeklyReport } from './reports';
import { villageWeek } from './village';
import { runWeeklyClose as runJob } from './close';

/** The office runs the close for its own township by hand (catch-up, or to check it). */
const runWeeklyClose = defineAction({
  schema: runWeeklyCloseSchema,
  access: ['office'],
  run: (ctx) => runJob(ctx, actorOf(ctx).townshipId),
});

export const actions = contractActions('grid', {
  weeklyBoard,
  listWeeks,
  confirmContact,
  fileWeeklyReport,
  villageWeek,
  runWeeklyClose,
});

export const timers: Record<string, TimerDef> = { weeklyClose: { run: (ctx) => runJob(ctx) } };
