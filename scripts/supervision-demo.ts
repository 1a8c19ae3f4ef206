// `npm start` only: a few hazards in 三江村's register, so the discipline office's 安全隐患登记表 and 抽查农户 pages
// have something to read (the tests' demo township stays without them: their hazard counts start at zero).
import type { HazardRecord } from '../server/domain/visit/records';
import { deadlineOf } from '../server/domain/visit/hazardState';
import type { Database } from '../server/infra/cloud';
import { findByIds } from '../server/infra/store';
import { DEMO_TOWNSHIP_ID } from './demo-data';

const AT = new Date('2024-11-25T10:00:00+08:00');
const VISITOR = 'person-demo-visitor-1';

function hazard(
  n: number,
  householdId: string,
  category: string,
  description: string,
  deadlineDay: string,
  verified: boolean,
): HazardRecord {
  const [, , v, g] = householdId.split('-');
  return {
    _id: `demo-hazard-${n}`,
    townshipId: DEMO_TOWNSHIP_ID,
    villageId: `demo-village-${v}`,
    gridId: `demo-grid-${v}-${g}`,
    householdId,
    source: 'visit',
    category,
    description,
    photos: [],
    visitorPersonId: VISITOR,
    visitId: null,
    reportedAt: AT,
    deadline: deadlineOf(deadlineDay),
    status: verified ? 'verified' : 'open',
    claimedAt: null,
    claimPhotos: [],
    verifiedAt: verified ? new Date('2024-12-03T15:00:00+08:00') : null,
    verifiedBy: verified ? VISITOR : null,
    verifyPhotos: [],
    createdAt: AT,
    updatedAt: AT,
  };
}

export function supervisionDemoHazards(): HazardRecord[] {
  return [
    hazard(1, 'demo-hh-1-1-03', '电气线路', '厨房插座线路老化、绝缘层破损', '2024-12-05', true),
    hazard(2, 'demo-hh-1-1-05', '电动车充电', '电动车在堂屋内充电', '2024-12-01', false),
    hazard(3, 'demo-hh-1-2-04', '熏制腊肉', '火塘熏腊肉无人看守，周边堆放柴草', '2024-12-10', false),
    hazard(4, 'demo-hh-1-2-07', '燃气', '液化气钢瓶放在浴室内', '2024-12-02', true),
  ];
}

/** Insert the demo hazards that are missing; existing ones are left as they are. */
export async function seedSupervisionDemo(db: Database): Promise<number> {
  const wanted = supervisionDemoHazards();
  const present = new Set(
    (
      await findByIds<{ _id: string }>(
        db,
        'hazards',
        wanted.map((h) => h._id),
      )
    ).map((h) => h._id),
  );
  let inserted = 0;
  for (const h of wanted.filter((x) => !present.has(x._id))) {
    await db.collection('hazards').add({ data: { ...h } });
    inserted += 1;
  }
  return inserted;
}
