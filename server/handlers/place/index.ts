// The `place` function's action table (SPEC §7b): places and listed units, inspection plans, inspections, place
// hazards, referrals 吹哨报到, the office's overdue lists, the quarterly report and the two .xlsx exports.
import { contractActions } from '../../infra/dispatch';
import { addPlace, listPlaces } from './places';
import { importPlaces, previewPlaceImport } from './importPlaces';
import { createPlan, listPlans, myInspections, planCoverage } from './plans';
import { inspectionForm, recordInspection } from './inspections';
import { claimPlaceHazard, listPlaceHazards } from './hazards';
import { acknowledgeReferral, answerReferral, listReferrals, referHazard } from './referrals';
import { exportPlaceLedger, exportQuarterlySummary, overdueOverview, quarterlyReport } from './reports';

export const actions = contractActions('place', {
  addPlace,
  listPlaces,
  previewPlaceImport,
  importPlaces,
  createPlan,
  listPlans,
  planCoverage,
  myInspections,
  inspectionForm,
  recordInspection,
  listPlaceHazards,
  claimPlaceHazard,
  referHazard,
  listReferrals,
  acknowledgeReferral,
  answerReferral,
  overdueOverview,
  quarterlyReport,
  exportPlaceLedger,
  exportQuarterlySummary,
});
