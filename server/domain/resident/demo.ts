// Activity for `npm start` only (the tests seed the bare demo township): three whistle-blower reports 吹哨人, routed as the
// product routes them (a household's visitor, a village liaison), so the office's oversight page has something to show.
// Fixed receipts, so they can be followed on the status page; no reporter anywhere, as in a real report.
import type { GridHazardCategory } from '../../../typings/grid';
import type { HazardRecord } from '../visit/records';
import { HAZARD_CATEGORIES } from '../grid/hazards';
import { deadlineOf } from '../visit/hazardState';
import { receiptHash, whistleHazardId } from './receipt';

/** receipts of the demo reports, e.g. to try the status page */
export const DEMO_WHISTLE_RECEIPTS = ['SJZH-JBXS-2222', 'SJZH-JBXS-3333', 'SJZH-JBXS-4444'] as const;

interface DemoReport {
  receipt: string;
  villageId: string;
  householdId: string | null;
  gridId: string | null;
  place: string | null;
  category: GridHazardCategory;
  description: string;
  visitorPersonId: string | null;
  liaisonPersonId: string | null;
  reportedAt: string;
  deadlineDay: string;
  verified: boolean;
}

const REPORTS: DemoReport[] = [
  {
    receipt: DEMO_WHISTLE_RECEIPTS[0],
    villageId: 'demo-village-1',
    householdId: 'demo-hh-1-2-05',
    gridId: 'demo-grid-1-2',
    place: null,
    category: 'ebikeCharging',
    description: '这户每天晚上把电动车推进堂屋充电，插线板就放在柴堆旁边',
    visitorPersonId: 'person-demo-visitor-1',
    liaisonPersonId: null,
    reportedAt: '2026-11-24T20:15:00+08:00',
    deadlineDay: '2026-12-01',
    verified: false,
  },
  {
    receipt: DEMO_WHISTLE_RECEIPTS[1],
    villageId: 'demo-village-1',
    householdId: null,
    gridId: null,
    place: '三江村老街小卖部后门',
    category: 'clutter',
    description: '后门通道堆满纸箱和泡沫，晚上有人在旁边抽烟',
    visitorPersonId: null,
    liaisonPersonId: 'person-demo-liaison-1',
    reportedAt: '2026-11-26T09:40:00+08:00',
    deadlineDay: '2026-12-03',
    verified: false,
  },
  {
    receipt: DEMO_WHISTLE_RECEIPTS[2],
    villageId: 'demo-village-2',
    householdId: null,
    gridId: null,
    place: '桐木溪村村委会旁的老年活动室',
    category: 'electrical',
    description: '活动室取暖器电线从窗户拉出来，接头用胶布缠着',
    visitorPersonId: null,
    liaisonPersonId: 'person-demo-liaison-2',
    reportedAt: '2026-11-20T15:05:00+08:00',
    deadlineDay: '2026-11-27',
    verified: true,
  },
];

export function whistleDemoDocs(townshipId: string): { hazards: HazardRecord[] } {
  return {
    hazards: REPORTS.map((r) => {
      const at = new Date(r.reportedAt);
      const verifiedAt = r.verified ? new Date(`${r.deadlineDay}T10:00:00+08:00`) : null;
      return {
        _id: whistleHazardId(r.receipt),
        townshipId,
        villageId: r.villageId,
        gridId: r.gridId,
        householdId: r.householdId,
        source: 'whistleblower',
        category: HAZARD_CATEGORIES[r.category],
        categoryKey: r.category,
        description: r.description,
        photos: [],
        visitorPersonId: r.visitorPersonId,
        liaisonPersonId: r.liaisonPersonId,
        place: r.place,
        location: null,
        receiptHash: receiptHash(r.receipt),
        visitId: null,
        reportedAt: at,
        deadline: deadlineOf(r.deadlineDay),
        status: r.verified ? 'verified' : 'open',
        claimedAt: null,
        claimPhotos: [],
        verifiedAt,
        verifiedBy: r.verified ? r.liaisonPersonId : null,
        verifyPhotos: [],
        createdAt: at,
        updatedAt: verifiedAt ?? at,
      };
    }),
  };
}
