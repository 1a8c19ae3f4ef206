// The villager area's calls and the few labels its pages share; pages never shape raw records themselves.
import type { AcknowledgementView, MyHouseholdView, NoticeView, SelfCheckKey, SelfCheckView } from '../../../../typings/household';
import type { HazardStatus, HazardView, VisitView } from '../../../../typings/visit';
import type { Page } from '../../../../typings/org';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { newIdempotencyKey } from '../../../services/outbox';
import { PAGE_SIZE } from '../../../config/paging';

export function loadMyHousehold(withCard = false): Promise<Result<MyHouseholdView>> {
  return callCloud('household', 'myHousehold', withCard ? { withCard: true } : {});
}

export function loadNotice(): Promise<Result<NoticeView>> {
  return callCloud('household', 'getNotice');
}

export function acknowledgeNotice(version: string): Promise<Result<AcknowledgementView>> {
  return callCloud('household', 'acknowledgeNotice', { version });
}

export function submitSelfCheck(answers: Record<SelfCheckKey, boolean>, key: string): Promise<Result<SelfCheckView>> {
  return callCloud('household', 'selfCheck', { answers }, { idempotencyKey: key });
}

export function listVisits(page: number): Promise<Result<Page<VisitView>>> {
  return callCloud('visit', 'listHouseholdVisits', { page, pageSize: PAGE_SIZE });
}

export function confirmVisit(visitId: string): Promise<Result<VisitView>> {
  return callCloud('visit', 'confirmVisit', { visitId });
}

export function listHazards(page: number): Promise<Result<Page<HazardView>>> {
  return callCloud('visit', 'listHouseholdHazards', { page, pageSize: PAGE_SIZE });
}

export function claimRectification(hazardId: string, photos: string[], key: string): Promise<Result<HazardView>> {
  return callCloud('visit', 'claimRectification', { hazardId, photos }, { idempotencyKey: key });
}

export { newIdempotencyKey };

/** 三清三关 in the seed's order (001 §五(二)); the server checks the same six keys. */
export const SELF_CHECK_ITEMS: { key: SelfCheckKey; label: string; hint: string }[] = [
  { key: 'passageClear', label: '通道清', hint: '楼道、门口、疏散通道没有堆放杂物' },
  { key: 'balconyClear', label: '阳台清', hint: '阳台没有堆放柴草等可燃物' },
  { key: 'kitchenClear', label: '厨房清', hint: '灶台周边干净，没有可燃物' },
  { key: 'powerOff', label: '关电源', hint: '人走电断，电动车不在室内充电' },
  { key: 'gasOff', label: '关气源', hint: '用完燃气关好阀门' },
  { key: 'doorsWindowsClosed', label: '关门窗', hint: '外出、睡前关好门窗' },
];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  open: '待整改',
  rectificationClaimed: '已提交整改，待走访人复查',
  verified: '已整改（走访人已核实）',
  notRectified: '复查未整改，请按新期限整改',
};

export const PROOF_LABELS: Record<string, string> = { cardQr: '扫明白卡', gps: '定位', villagerConfirm: '本户已确认' };
