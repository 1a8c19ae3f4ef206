// The programme part of the demo township: a few elderly people living alone (seed 000) in the demo villages, two old
// compounds (seed 002 附件1) and the 附件2 task list for this year. Stable ids and fixed times, so seeding twice changes nothing.
import type { CompoundRecord, CompoundTaskRecord, ElderlyRecord } from './records';
import { COMPOUND_TASKS_002, compoundTaskId } from './tasks';

const AT = new Date('2026-11-02T09:00:00+08:00');
const TASK_YEAR = 2026;

export interface ProgrammeDemoDocs {
  elderly: ElderlyRecord[];
  compounds: CompoundRecord[];
  compoundTasks: CompoundTaskRecord[];
}

export function programmeDemoDocs(townshipId: string): ProgrammeDemoDocs {
  const noDevices = { smokeDetector: false, alarmOrVideo: false, leakageProtection: false, gasShutoff: false, other: '' };
  const elderly = (
    n: number,
    e: Partial<ElderlyRecord> & Pick<ElderlyRecord, 'villageId' | 'name' | 'gender' | 'age' | 'address' | 'helper'>,
  ): ElderlyRecord => ({
    _id: `demo-elderly-${n}`,
    townshipId,
    householdId: null,
    phone: null,
    smoking: false,
    drinking: false,
    buildingType: '砖木结构自建房',
    floors: 1,
    yearBuilt: '1990年代',
    devices: noDevices,
    manualCounts: { hazardsFound: 0, hazardsRectified: 0, timesEducated: 0 },
    lastHelperContactAt: AT,
    helperContacts: 0,
    active: true,
    createdBy: 'person-demo-office',
    createdAt: AT,
    updatedAt: AT,
    ...e,
  });
  return {
    elderly: [
      // demo-hh-1-1-03 is flagged 孤寡/独居 in the demo households: its visits and hazards feed the counts
      elderly(1, {
        villageId: 'demo-village-1',
        householdId: 'demo-hh-1-1-03',
        name: '舒红梅',
        gender: 'female',
        age: 78,
        phone: '13800000003',
        smoking: true,
        address: '三江村一组7号',
        helper: { name: '张秀兰', type: 'gridWorker', phone: '13800009011', personId: 'person-demo-liaison-1' },
        devices: { ...noDevices, smokeDetector: true },
      }),
      elderly(2, {
        villageId: 'demo-village-1',
        name: '舒金花',
        gender: 'female',
        age: 83,
        phone: '0745-3521234',
        address: '三江村二组15号',
        floors: 2,
        yearBuilt: '1985年',
        // a volunteer with an account (demo-helper-1): the helper page and the daily 7-day reminder are theirs
        helper: { name: '向秋菊', type: 'volunteer', phone: '13800007001', personId: 'person-demo-helper-1' },
        devices: { ...noDevices, smokeDetector: true, alarmOrVideo: true, leakageProtection: true },
        manualCounts: { hazardsFound: 2, hazardsRectified: 1, timesEducated: 3 },
      }),
      elderly(3, {
        villageId: 'demo-village-2',
        name: '米长青',
        gender: 'male',
        age: 71,
        drinking: true,
        address: '桐木溪村一组9号',
        buildingType: '木结构老屋',
        helper: { name: '李国强', type: 'cadre', phone: '13800009012', personId: 'person-demo-liaison-2' },
        devices: { ...noDevices, gasShutoff: true, other: '水缸' },
      }),
      elderly(4, {
        villageId: 'demo-village-3',
        name: '杨桂英',
        gender: 'female',
        age: 66,
        phone: '13800007002',
        address: '龙潭坪村三组4号',
        buildingType: '砖混结构',
        floors: 3,
        yearBuilt: '2008年',
        helper: { name: '杨春梅', type: 'cadre', phone: '13800009013', personId: 'person-demo-liaison-3' },
      }),
    ],
    compounds: [
      {
        _id: 'demo-compound-1',
        townshipId,
        villageId: 'demo-village-1',
        streetCommunity: '三江镇/三江村',
        name: '三江供销社宿舍',
        address: '三江村新街12号',
        managerName: '向长青',
        managerPhone: '13800007101',
        floors: 5,
        heightMeters: 16,
        hazards: '楼道堆放杂物，消火栓箱水带缺失',
        deadline: '2026-06-30',
        status: 'open',
        rectifiedAt: null,
        createdAt: AT,
        updatedAt: AT,
      },
      {
        _id: 'demo-compound-2',
        townshipId,
        villageId: 'demo-village-1',
        streetCommunity: '三江镇/三江村',
        name: '原粮站家属院',
        address: '三江村河街3号',
        managerName: '舒建华',
        managerPhone: '0745-3525678',
        floors: 4,
        heightMeters: null,
        hazards: '可燃雨棚，电动车楼道飞线充电',
        deadline: '2026-12-25',
        status: 'open',
        rectifiedAt: null,
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    compoundTasks: COMPOUND_TASKS_002.map((t) => ({
      _id: compoundTaskId(townshipId, TASK_YEAR, t.order),
      townshipId,
      year: TASK_YEAR,
      order: t.order,
      phase: t.phase,
      content: t.content,
      units: t.units,
      deadline: `${TASK_YEAR}-${t.monthDay}`,
      deadlineLabel: t.deadlineLabel,
      status: t.order <= 4 ? 'done' : t.order === 5 ? 'inProgress' : 'pending',
      note: '',
      doneAt: t.order <= 4 ? AT : null,
      updatedAt: AT,
    })),
  };
}
