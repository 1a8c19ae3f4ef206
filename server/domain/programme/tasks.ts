// Seed 002 附件2《老旧小区消防安全专项整治任务清单》 as data: phases, contents, responsible units and deadlines.

export interface CompoundTaskTemplate {
  order: number;
  phase: string;
  content: string;
  units: string;
  /** MM-DD within the programme year */
  monthDay: string;
  deadlineLabel: string;
}

export const COMPOUND_TASKS_002: readonly CompoundTaskTemplate[] = [
  {
    order: 1,
    phase: '（一）排查摸底阶段',
    content:
      '各社区、相关单位对照整治重点内容，逐个小区、逐栋建筑开展摸排，掌握消防安全基本状况，列出消防安全“问题清单”，逐一明确整改责任、整改措施、整改期限。',
    units: '各社区、镇规划建设环保办。',
    monthDay: '04-10',
    deadlineLabel: '4月10日前',
  },
  {
    order: 2,
    phase: '（一）排查摸底阶段',
    content: '针对历年来纳入改造项目的老旧小区进行排查，建立完善基础台账，统一纳入整体改造范畴。',
    units: '各社区、镇规划建设环保办、虎峰派出所、虎峰镇消防救援支队，镇应急管理岗以及其他负有安全生产监督管理职责的部门',
    monthDay: '04-10',
    deadlineLabel: '4月10日前',
  },
  {
    order: 3,
    phase: '（一）排查摸底阶段',
    content: '明确各小区管理的网格员、楼栋长。',
    units: '各社区',
    monthDay: '04-10',
    deadlineLabel: '4月10日前',
  },
  {
    order: 4,
    phase: '（二）集中整治阶段',
    content:
      '各社区、各办（站、所），有关单位针对第一阶段排查出的隐患清单、梳理隐患整改难度、制定整改计划、逐个整改销案，确保整改期间的消防安全。',
    units: '各社区、镇规划建设环保办、虎峰派出所、镇应急管理岗、虎峰镇消防救援支队以及其他负有安全生产监督管理职责的部门',
    monthDay: '06-30',
    deadlineLabel: '6月30日',
  },
  {
    order: 5,
    phase: '（二）集中整治阶段',
    content: '根据各社区上报的整改计划，制定我镇老旧小区年度整改计划。',
    units: '镇应急管理岗、镇规划建设环保办',
    monthDay: '06-30',
    deadlineLabel: '6月30日',
  },
  {
    order: 6,
    phase: '（二）集中整治阶段',
    content: '清理可燃雨棚、突出外墙防护网。',
    units: '各社区、镇规划建设环保办、镇应急管理岗、虎峰镇消防救援支队',
    monthDay: '12-25',
    deadlineLabel: '12月25日',
  },
  {
    order: 7,
    phase: '（三）巩固提升',
    content: '各社区、各办（站、所），有关单位开展常态化的巡查检查，确保整改期间的消防安全。',
    units: '各社区、镇规划建设环保办、虎峰派出所、镇应急管理岗、虎峰镇消防救援支队，以及其他负有安全生产监督管理职责的部门',
    monthDay: '12-25',
    deadlineLabel: '12月25日',
  },
];

export function compoundTaskId(townshipId: string, year: number, order: number): string {
  return `compoundTask:${townshipId}:${year}:${order}`;
}
