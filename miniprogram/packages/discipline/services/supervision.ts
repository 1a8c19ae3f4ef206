// The supervision calls (seed 001 §六(三)): the village's hazard register and its export, spot checks of households,
// and a case's file for the archive.
import type { Result } from '../../../../typings/result';
import type { ExportDone } from '../../../../typings/report';
import type {
  DrawSpotCheckRequest,
  HazardRegisterPage,
  RecordSpotCheckRequest,
  SpotCheckHome,
  SpotCheckView,
} from '../../../../typings/supervision';
import { callCloud } from '../../../services/callCloud';
import { newIdempotencyKey } from '../../../services/outbox';
import { PAGE_SIZE } from '../../../config/paging';

export type {
  HazardRegisterPage,
  HazardRegisterRow,
  SpotCheckHousehold,
  SpotCheckView,
  VillagerSays,
} from '../../../../typings/supervision';

export function hazardRegister(villageId: string, page: number): Promise<Result<HazardRegisterPage>> {
  return callCloud('escalation', 'hazardRegister', { ...(villageId ? { villageId } : {}), page, pageSize: PAGE_SIZE });
}

export function exportHazardRegister(villageId: string): Promise<Result<ExportDone>> {
  return callCloud('report', 'exportHazardRegister', { villageId });
}

export function exportCaseFile(caseId: string): Promise<Result<ExportDone>> {
  return callCloud('report', 'exportCaseFile', { caseId });
}

export function spotCheckHome(page: number): Promise<Result<SpotCheckHome>> {
  return callCloud('escalation', 'spotCheckHome', { page, pageSize: PAGE_SIZE });
}

/** `key` stays the same across retries of one tap, so a resend finds the sample already drawn. */
export function drawSpotCheck(req: DrawSpotCheckRequest, key: string): Promise<Result<SpotCheckView>> {
  return callCloud('escalation', 'drawSpotCheck', req, { idempotencyKey: key });
}

export function getSpotCheck(spotCheckId: string): Promise<Result<SpotCheckView>> {
  return callCloud('escalation', 'getSpotCheck', { spotCheckId });
}

export function recordSpotCheck(req: RecordSpotCheckRequest): Promise<Result<SpotCheckView>> {
  return callCloud('escalation', 'recordSpotCheck', req);
}

export { newIdempotencyKey };

export const SAYS_LABELS = { visited: '有人上门走访过', notVisited: '没有人上门', unsure: '记不清 / 家中无人' } as const;
