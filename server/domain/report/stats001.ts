// Seed 001 附件3《全县“邻里守望、户户监督、网格防范”消防安全行动统计表》: the seed gives only its title, so the columns
// are the figures the township reports upward, per village: households, grids, visitors, visits done/required,
// completion, hazards found/rectified, notices and interviews, with a total line.
import type { TableLayout } from './layout';

export const STATS_TABLE_001: TableLayout = {
  sheetName: '行动统计表',
  title: '全县“邻里守望、户户监督、网格防范”消防安全行动统计表',
  header: [
    { header: '序号', width: 6 },
    { header: '村（社区）', width: 14 },
    {
      group: '基本情况',
      columns: [
        { header: '农户（户）', width: 9 },
        { header: '微网格（个）', width: 9 },
        { header: '走访人（人）', width: 9 },
      ],
    },
    {
      group: '入户走访',
      columns: [
        { header: '应走访（户次）', width: 10 },
        { header: '已走访（户次）', width: 10 },
        { header: '完成率（%）', width: 9 },
      ],
    },
    {
      group: '隐患排查整改',
      columns: [
        { header: '发现隐患（处）', width: 10 },
        { header: '已整改（处）', width: 10 },
      ],
    },
    {
      group: '督查问责',
      columns: [
        { header: '通报批评（人次）', width: 10 },
        { header: '约谈（人次）', width: 10 },
      ],
    },
  ],
};

export interface VillageStats {
  villageId: string;
  villageName: string;
  households: number;
  grids: number;
  visitors: number;
  required: number;
  done: number;
  hazardsFound: number;
  hazardsRectified: number;
  notices: number;
  interviews: number;
}

export interface StatsInput {
  villages: { _id: string; name: string }[];
  households: { _id: string; villageId: string; active: boolean }[];
  grids: { _id: string; villageId: string }[];
  /** holders of the households at the period's as-of instant */
  held: { householdId: string; visitorPersonId: string }[];
  /** counted visits per household in the period (the tallies) */
  counted: ReadonlyMap<string, number>;
  quota: number;
  hazards: { villageId: string; status: string }[];
  /** cases of the period with the villages of their short households */
  cases: { level: 'notice' | 'interview'; villageIds: string[] }[];
}

/** Visits done count at most the quota per household, so one household's extra visits never hide another's shortfall. */
export function villageStats(input: StatsInput): VillageStats[] {
  const villageOf = new Map(input.households.map((h) => [h._id, h.villageId]));
  return input.villages.map((v) => {
    const held = input.held.filter((a) => villageOf.get(a.householdId) === v._id);
    const hazards = input.hazards.filter((h) => h.villageId === v._id);
    const cases = input.cases.filter((c) => c.villageIds.includes(v._id));
    return {
      villageId: v._id,
      villageName: v.name,
      households: input.households.filter((h) => h.villageId === v._id && h.active).length,
      grids: input.grids.filter((g) => g.villageId === v._id).length,
      visitors: new Set(held.map((a) => a.visitorPersonId)).size,
      required: held.length * input.quota,
      done: held.reduce((n, a) => n + Math.min(input.counted.get(a.householdId) ?? 0, input.quota), 0),
      hazardsFound: hazards.length,
      hazardsRectified: hazards.filter((h) => h.status === 'verified').length,
      notices: cases.filter((c) => c.level === 'notice').length,
      interviews: cases.filter((c) => c.level === 'interview').length,
    };
  });
}

export function completionPercent(done: number, required: number): number {
  return required === 0 ? 100 : Math.round((done / required) * 1000) / 10;
}

export function statsRows(stats: VillageStats[], totalVisitors: number): (string | number)[][] {
  const row = (n: number | string, s: Omit<VillageStats, 'villageId'>) => [
    n,
    s.villageName,
    s.households,
    s.grids,
    s.visitors,
    s.required,
    s.done,
    completionPercent(s.done, s.required),
    s.hazardsFound,
    s.hazardsRectified,
    s.notices,
    s.interviews,
  ];
  const sum = (k: keyof VillageStats) => stats.reduce((n, s) => n + (s[k] as number), 0);
  const total = {
    villageName: '合计',
    households: sum('households'),
    grids: sum('grids'),
    // a visitor whose range spans villages is counted once in the total
    visitors: totalVisitors,
    required: sum('required'),
    done: sum('done'),
    hazardsFound: sum('hazardsFound'),
    hazardsRectified: sum('hazardsRectified'),
    notices: sum('notices'),
    interviews: sum('interviews'),
  };
  return [...stats.map((s, i) => row(i + 1, s)), row('', total)];
}
