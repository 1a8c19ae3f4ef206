// The `escalation` function's action and timer tables: the ladder job, notices (draft → publish), cases, objections,
// the discipline office's work, exemptions.
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { closeCase, getCase, listCases, myCases, recordInterview, runEscalation, scheduleInterview } from './cases';
import { getNotice, listNotices, periodStages, publishNotice } from './notices';
import { fileObjection, listObjections, ruleObjection } from './objections';
import { exemptVisitor } from './exemptions';
import { dashboard } from './dashboard';
import { drawSpotCheck, getSpotCheck, hazardRegister, recordSpotCheck, spotCheckHome } from './supervision';
import { runEscalation as runJob } from './run';

export const actions = contractActions('escalation', {
  runEscalation,
  listNotices,
  getNotice,
  publishNotice,
  periodStages,
  myCases,
  listCases,
  getCase,
  fileObjection,
  ruleObjection,
  listObjections,
  scheduleInterview,
  recordInterview,
  closeCase,
  exemptVisitor,
  dashboard,
  hazardRegister,
  spotCheckHome,
  drawSpotCheck,
  getSpotCheck,
  recordSpotCheck,
});

export const timers: Record<string, TimerDef> = { ladder: { run: (ctx) => runJob(ctx) } };
