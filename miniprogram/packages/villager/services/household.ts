// The villager area's calls and the few labels its pages share; pages never shape raw records themselves.
import type { AcknowledgementView, MyHouseholdView, NoticeView, SelfCheckKey, SelfCheckResult } from '../../../../typings/household';
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

export function submitSelfCheck(answers: Record<SelfCheckKey, boolean>, key: string): Promise<Result<SelfCheckResult>> {
  return callCloud('household', 'selfCheck', { answers }, { idempotencyKey: key });
}

export function listVisits(page: number): Promise<Result<Page<VisitView>>> {
  return callCloud('visit', 'listHouseholdVisits', { page, pageSize: PAGE_SIZE });
}

export function listHazards(page: number): Promise<Result<Page<HazardView>>> {
  return callCloud('visit', 'listHouseholdHazards', { page, pageSize: PAGE_SIZE });
}

export function claimRectification(hazardId: string, photos: string[], key: string): Promise<Result<HazardView>> {
  return callCloud('visit', 'claimRectification', { hazardId, photos }, { idempotencyKey: key });
}

export { newIdempotencyKey };
export { confirmVisit } from '../../../services/visits';

/**
 * 三清三关 in the seed's order (001 §五(二)); the server checks the same six keys. `advice` is what to do about an item
 * not done, shown the moment 没做到 is tapped (from seed 001 附件1 消防安全告知书).
 */
export const SELF_CHECK_ITEMS: { key: SelfCheckKey; label: string; hint: string; advice: string }[] = [
  {
    key: 'passageClear',
    label: '通道清',
    hint: '楼道、门口、疏散通道没有堆放杂物',
    advice: '把楼道、门口和屋后小路上的柴草、杂物搬走，电动车不要停在走廊和门口，着火时才跑得出去。',
  },
  {
    key: 'balconyClear',
    label: '阳台清',
    hint: '阳台没有堆放柴草等可燃物',
    advice: '把阳台上的柴草、纸箱、旧家具等能烧的东西清走，不要在阳台上堆放易燃物品。',
  },
  {
    key: 'kitchenClear',
    label: '厨房清',
    hint: '灶台周边干净，没有可燃物',
    advice: '灶台边的柴火、油瓶、塑料袋挪开；做饭时人不离开灶台，做到“人走火灭”，炭渣柴灰浇湿了再倒。',
  },
  {
    key: 'powerOff',
    label: '关电源',
    hint: '人走电断，电动车不在室内充电',
    advice: '出门和睡前拔掉电热毯、取暖器的插头，做到“人走电断”；电动车不在屋里、走廊充电；电线老化请找电工更换，不要私拉乱接。',
  },
  {
    key: 'gasOff',
    label: '关气源',
    hint: '用完燃气关好阀门',
    advice: '用完燃气关好灶具开关和钢瓶总阀；常看看软管有没有老化、松动；液化气瓶不要倒放，不要靠近火源。',
  },
  {
    key: 'doorsWindowsClosed',
    label: '关门窗',
    hint: '外出、睡前关好门窗',
    advice: '外出和睡前关好门窗，防止风把火星吹进屋；屋里烧木炭取暖时要开窗留缝通风，防止一氧化碳中毒。',
  },
];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  open: '待整改',
  rectificationClaimed: '已提交整改，待走访人复查',
  verified: '已整改（走访人已核实）',
  notRectified: '复查未整改，请按新期限整改',
};

export const PROOF_LABELS: Record<string, string> = { cardQr: '扫明白卡', gps: '定位', villagerConfirm: '本户已确认' };
