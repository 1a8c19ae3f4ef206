import type { Role, ScopeType } from '../../typings/roles';

export const ROLE_LABELS: Record<Role, string> = {
  villager: '村民',
  gridLeader: '网格长',
  visitor: '走访人',
  liaison: '村联络员',
  office: '镇领导小组办公室',
  discipline: '镇纪委',
  helper: '帮扶人',
  police: '派出所民警',
  deptInspector: '部门检查员',
};

/** The scope each role is held at: a villager belongs to a household, a grid leader to a grid, and so on. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  villager: 'household',
  gridLeader: 'grid',
  visitor: 'township',
  liaison: 'village',
  office: 'township',
  discipline: 'township',
  helper: 'township',
  // 004 §12 "公安派出所…消防民警": the police station serves the whole township
  police: 'township',
  // 004 §10 "负有消防安全监督管理责任的行业主管部门": a department's staff act for their department
  deptInspector: 'department',
};
