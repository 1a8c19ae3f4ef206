// The `escalation` function's action and timer tables: the ladder job, notices, cases, the discipline office's work, exemptions.
import type { ActionDef, TimerDef } from '../../infra/dispatch';
import { closeCase, getCase, getNotice, listCases, listNotices, myCases, recordInterview, runEscalation, scheduleInterview } from './cases';
import { exemptVisitor } from './exemptions';
import { dashboard } from './dashboard';
import { runEscalation as runJob } from './run';

export const actions: Record<string, ActionDef<any, any>> = {
  runEscalation,
  listNotices,
  getNotice,
  myCases,
  listCases,
  getCase,
  scheduleInterview,
  recordInterview,
  closeCase,
  exemptVisitor,
  dashboard,
};

export const timers: Record<string, TimerDef> = { ladder: { run: (ctx) => runJob(ctx) } };
