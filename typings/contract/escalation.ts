// The `escalation` function's contract table: the ladder job, notices, cases, objections, exemptions, the dashboard.
import type { NoFields, PageAction, ServerAction } from './action';
import type { Dashboard } from '../dashboard';
import type {
  CaseIdRequest,
  CaseListPage,
  CasePage,
  CaseView,
  EscalationRunSummary,
  ExemptionView,
  ExemptVisitorRequest,
  FileObjectionRequest,
  ItemsPage,
  ListCasesRequest,
  ListNoticesRequest,
  ListObjectionsRequest,
  NoticeIdRequest,
  NoticePage,
  NoticeView,
  PeriodStageView,
  RecordInterviewRequest,
  RuleObjectionRequest,
  ScheduleInterviewRequest,
} from '../escalation';
import type { PageRequest } from '../org';
import type {
  DrawSpotCheckRequest,
  HazardRegisterPage,
  HazardRegisterRequest,
  ListSpotChecksRequest,
  RecordSpotCheckRequest,
  SpotCheckHome,
  SpotCheckIdRequest,
  SpotCheckView,
} from '../supervision';

export interface EscalationContract {
  runEscalation: ServerAction<
    NoFields,
    EscalationRunSummary,
    'timer: the hourly ladder timer runs it; the office may start it by hand for a catch-up (tests, scenarios)'
  >;
  listNotices: PageAction<ListNoticesRequest, NoticePage>;
  getNotice: PageAction<NoticeIdRequest, NoticeView>;
  publishNotice: PageAction<NoticeIdRequest, NoticeView>;
  periodStages: ServerAction<
    NoFields,
    PeriodStageView[],
    'script: the demo prints where each period stands; pages get the same stages with listNotices and myCases'
  >;
  myCases: PageAction<PageRequest, CasePage>;
  listCases: PageAction<ListCasesRequest, CaseListPage>;
  getCase: PageAction<CaseIdRequest, CaseView>;
  fileObjection: PageAction<FileObjectionRequest, CaseView>;
  ruleObjection: PageAction<RuleObjectionRequest, CaseView>;
  listObjections: PageAction<ListObjectionsRequest, ItemsPage<CaseView>>;
  scheduleInterview: PageAction<ScheduleInterviewRequest, CaseView>;
  recordInterview: PageAction<RecordInterviewRequest, CaseView>;
  closeCase: PageAction<CaseIdRequest, CaseView>;
  exemptVisitor: PageAction<ExemptVisitorRequest, ExemptionView>;
  dashboard: PageAction<NoFields, Dashboard>;
  hazardRegister: PageAction<HazardRegisterRequest, HazardRegisterPage>;
  spotCheckHome: PageAction<ListSpotChecksRequest, SpotCheckHome>;
  drawSpotCheck: PageAction<DrawSpotCheckRequest, SpotCheckView>;
  getSpotCheck: PageAction<SpotCheckIdRequest, SpotCheckView>;
  recordSpotCheck: PageAction<RecordSpotCheckRequest, SpotCheckView>;
}
