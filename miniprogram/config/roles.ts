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
  helper: { label: '帮扶人', duty: '独居老人一对一帮扶：7天内联系一次', path: '/packages/programme/helper/index' },
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
  /** the page shows what fits the caller's roles: they travel as `?roles=a,b` */
  passRoles?: true;
}

/**
 * Frequent entries below the role tiles. Hazards are one entry for everyone (随手拍, my reports, my household's hazards,
 * the whistle-blower form and its receipt lookup live behind it); then the duty lists and the programmes.
 */
export const SHORTCUTS: Shortcut[] = [
  { key: 'hazards', label: '隐患：上报与查进度', path: '/packages/resident/hazards/index', roles: 'everyone', passRoles: true },
  { key: 'routed', label: '转给我的隐患', path: '/packages/resident/routed/index', roles: ['liaison', 'office'] },
  { key: 'elderly', label: '独居老人台账', path: '/packages/programme/elderly/index', roles: ['office', 'liaison'] },
  { key: 'compounds', label: '老旧小区台账', path: '/packages/programme/compounds/index', roles: ['office', 'liaison'] },
  // "领导小组将联合镇纪委通过抽查农户、村部查阅安全隐患登记表等方式…进行督查" (seed 001 §六(三))
  { key: 'hazardRegister', label: '安全隐患登记表', path: '/packages/discipline/hazards/index', roles: ['office', 'discipline'] },
  { key: 'spotChecks', label: '抽查农户', path: '/packages/discipline/spotchecks/index', roles: ['office', 'discipline'] },
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
];

export function shortcutsFor(roles: readonly string[]): Shortcut[] {
  return SHORTCUTS.filter((s) => s.roles === 'everyone' || s.roles.some((r) => roles.includes(r))).map((s) =>
    s.passRoles ? { ...s, path: `${s.path}?roles=${[...new Set(roles)].join(',')}` } : s,
  );
}
