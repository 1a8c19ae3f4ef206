// The `place` function's contract table (SPEC §7b): the place registry and its .xlsx import, inspection plans with
// coverage, inspections, place hazards, referrals 吹哨报到, the office's overdue lists and the quarterly report/exports.
import type { NoFields, PageAction, ServerAction } from './action';
import type { ExportDone } from '../report';
import type {
  AcknowledgeReferralRequest,
  AddPlaceRequest,
  AnswerReferralRequest,
  ClaimPlaceHazardRequest,
  CreatePlanRequest,
  ImportFileRequest,
  ImportPreview,
  ImportResult,
  InspectionForm,
  InspectionFormRequest,
  LedgerExportRequest,
  ListPlaceHazardsRequest,
  ListPlacesRequest,
  ListReferralsRequest,
  MyInspections,
  MyInspectionsRequest,
  OverdueOverview,
  PlaceHazardPage,
  PlaceHazardView,
  PlaceList,
  PlaceView,
  PlanCoverage,
  PlanCoverageRequest,
  PlanView,
  QuarterlyReport,
  QuarterRequest,
  RecordInspectionRequest,
  RecordInspectionResult,
  ReferHazardRequest,
  ReferralPage,
  ReferralView,
} from '../place';

export interface PlaceContract {
  addPlace: ServerAction<
    AddPlaceRequest,
    PlaceView,
    'no page yet: the registry page imports the township list from .xlsx; single places are added through the function (tests)'
  >;
  listPlaces: PageAction<ListPlacesRequest, PlaceList>;
  previewPlaceImport: PageAction<ImportFileRequest, ImportPreview>;
  importPlaces: PageAction<ImportFileRequest, ImportResult>;
  createPlan: ServerAction<
    CreatePlanRequest,
    PlanView,
    'no page yet: plans are made through the function (the demo township has its plans); the pages show their coverage'
  >;
  listPlans: ServerAction<
    NoFields,
    PlanView[],
    'no page yet: the oversight page gets every plan with its overdue lists (overdueOverview), the inspector page its own (myInspections)'
  >;
  planCoverage: ServerAction<
    PlanCoverageRequest,
    PlanCoverage,
    'no page yet: the oversight page lists every overdue place across plans; one plan place by place is read through the function'
  >;
  myInspections: PageAction<MyInspectionsRequest, MyInspections>;
  inspectionForm: PageAction<InspectionFormRequest, InspectionForm>;
  recordInspection: PageAction<RecordInspectionRequest, RecordInspectionResult>;
  listPlaceHazards: PageAction<ListPlaceHazardsRequest, PlaceHazardPage>;
  claimPlaceHazard: PageAction<ClaimPlaceHazardRequest, PlaceHazardView>;
  referHazard: PageAction<ReferHazardRequest, ReferralView>;
  listReferrals: PageAction<ListReferralsRequest, ReferralPage>;
  acknowledgeReferral: PageAction<AcknowledgeReferralRequest, ReferralView>;
  answerReferral: PageAction<AnswerReferralRequest, ReferralView>;
  overdueOverview: PageAction<NoFields, OverdueOverview>;
  quarterlyReport: PageAction<QuarterRequest, QuarterlyReport>;
  exportPlaceLedger: PageAction<LedgerExportRequest, ExportDone>;
  exportQuarterlySummary: PageAction<QuarterRequest, ExportDone>;
}
