// What each role is called and where its area lives; the home page draws one tile per role the person holds.
import type { Role } from '../../typings/roles';

export interface RoleArea {
  label: string;
  /** one line under the label: what the person does there */
  duty: string;
  /** the area's entry page; empty until that role's subpackage exists (issue 4) */
  path: string;
}

export const ROLE_AREAS: Record<Role, RoleArea> = {
  villager: { label: '村民', duty: '明白卡、告知书、自查、隐患上报', path: '/packages/villager/household/index' },
  gridLeader: { label: '网格长', duty: '每周联络每户、上报风险', path: '/packages/leader/board/index' },
  visitor: { label: '走访人', duty: '敲门走访、隐患整改复查', path: '/packages/visitor/households/index' },
  liaison: { label: '村联络员', duty: '网格、住户与走访分配', path: '/packages/liaison/village/index' },
  office: { label: '镇领导小组办公室', duty: '统计、通报、豁免与设置', path: '/packages/office/dashboard/index' },
  discipline: { label: '镇纪委', duty: '逾期走访人约谈', path: '/packages/discipline/cases/index' },
  helper: { label: '帮扶人', duty: '独居老人一对一帮扶', path: '/packages/programme/elderly/index' },
  police: { label: '派出所民警', duty: '列管单位检查、隐患复查', path: '/packages/places/mine/index' },
  deptInspector: { label: '部门检查员', duty: '转办隐患签收与反馈、行业检查', path: '/packages/places/referrals/index' },
};

/** Tiles appear in this order, field roles first. */
export const ROLE_ORDER: Role[] = [
  'villager',
  'gridLeader',
  'visitor',
  'helper',
  'police',
  'deptInspector',
  'liaison',
  'office',
  'discipline',
];

export function roleLabel(role: string): string {
  return (ROLE_AREAS as Record<string, RoleArea | undefined>)[role]?.label ?? role;
}

export interface Shortcut {
  key: string;
  label: string;
  path: string;
  /** who sees it; 'everyone' includes people not yet bound to a household */
  roles: Role[] | 'everyone';
}

/** Frequent entries below the role tiles: reporting hazards, the whistle-blower form, the programmes. */
export const SHORTCUTS: Shortcut[] = [
  { key: 'report', label: '随手拍：上报隐患', path: '/packages/resident/report/index', roles: ['villager', 'gridLeader'] },
  { key: 'mine', label: '我上报的隐患', path: '/packages/resident/mine/index', roles: ['villager', 'gridLeader'] },
  { key: 'routed', label: '转给我的隐患', path: '/packages/resident/routed/index', roles: ['liaison', 'office'] },
  { key: 'elderly', label: '独居老人台账', path: '/packages/programme/elderly/index', roles: ['office', 'liaison'] },
  { key: 'compounds', label: '老旧小区台账', path: '/packages/programme/compounds/index', roles: ['office', 'liaison'] },
  { key: 'exports', label: '月报表导出', path: '/packages/programme/exports/index', roles: ['office', 'discipline'] },
  // SPEC §7b: places and their inspections
  {
    key: 'placeChecks',
    label: '场所检查（我的检查计划）',
    path: '/packages/places/mine/index',
    roles: ['liaison', 'office', 'deptInspector'],
  },
  { key: 'placeHazards', label: '场所隐患整改与转办', path: '/packages/places/hazards/index', roles: ['liaison', 'office', 'police'] },
  { key: 'places', label: '场所台账（列管单位）', path: '/packages/places/registry/index', roles: ['office', 'liaison'] },
  {
    key: 'placeOversight',
    label: '场所检查督查（逾期检查与转办）',
    path: '/packages/places/oversight/index',
    roles: ['office', 'discipline'],
  },
  { key: 'placeQuarter', label: '季度督查报表', path: '/packages/places/quarter/index', roles: ['office'] },
  { key: 'referrals', label: '吹哨报到转办', path: '/packages/places/referrals/index', roles: ['office'] },
  {
    key: 'inbox',
    label: '消息与提醒',
    path: '/pages/inbox/index',
    roles: ['villager', 'gridLeader', 'visitor', 'liaison', 'office', 'discipline', 'helper', 'police', 'deptInspector'],
  },
  { key: 'whistle', label: '匿名举报火灾隐患（吹哨人）', path: '/packages/resident/whistle/index', roles: 'everyone' },
  { key: 'status', label: '凭回执码查询举报进度', path: '/packages/resident/status/index', roles: 'everyone' },
];

export function shortcutsFor(roles: readonly string[]): Shortcut[] {
  return SHORTCUTS.filter((s) => s.roles === 'everyone' || s.roles.some((r) => roles.includes(r)));
}
